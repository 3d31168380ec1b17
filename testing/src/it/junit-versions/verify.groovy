// Each JUnit of invoker.properties ran all six tests (a JUnit that found no test would pass with 0).
def runs = new File(basedir, 'target').listFiles().findAll { it.name.startsWith('junit-') }
def versions = runs.collect { it.name - 'junit-' }.sort()
assert versions.size() == 3 && versions[0] == '5.10.3' && versions[1] == '5.11.4' && versions[2].startsWith('6.') : versions
runs.each { run ->
    def reports = new File(run, 'surefire-reports')
    assert reports.isDirectory() : "no test reports in ${run}"
    int tests = 0, notPassed = 0
    reports.eachFileMatch(~/TEST-.*\.xml/) { f ->
        def suite = (f.text =~ /<testsuite [^>]*/)[0]
        def count = { String name -> ((suite =~ /\b${name}="(\d+)"/)[0][1]) as int }
        tests += count('tests')
        notPassed += count('failures') + count('errors') + count('skipped')
    }
    assert tests == 6 && notPassed == 0 : "${run.name}: ${tests} tests, ${notPassed} failed, in error or skipped"
}
return true
