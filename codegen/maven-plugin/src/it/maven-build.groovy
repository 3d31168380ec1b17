// Shared by the ITs whose verify.groovy runs Maven again in its project (offline, the ITs' local
// repository and snapshot cache, CI=false, C1 only): evaluated with the script's binding, it returns
// a closure `build(List<String> extraArguments, Map<String, String> environment = [:])` that asserts
// success and returns the output.
import java.util.concurrent.TimeUnit

def mvn = new File(System.getProperty('maven.home'), 'bin/mvn').path
def settings = new File(basedir, 'target/it-settings.xml')
settings.text = new File(basedir, '../../../src/it/settings.xml').text
        .replace('@localRepositoryUrl@', localRepositoryPath.toURI().toString())
return { List<String> extra, Map<String, String> environment = [:] ->
    def cmd = [mvn, '-B', '-o', '-s', settings.path, "-Dmaven.repo.local=${localRepositoryPath}",
               "-Dcairn.snapshotCache=${new File(localRepositoryPath, '../it-snapshots').canonicalPath}"] + extra
    def pb = new ProcessBuilder(cmd.collect { it.toString() }).directory(basedir).redirectErrorStream(true)
    pb.environment().put('CI', 'false')
    pb.environment().put('MAVEN_OPTS', '-XX:TieredStopAtLevel=1')
    environment.each { k, v -> pb.environment().put(k, v) }
    def p = pb.start()
    def out = p.inputStream.getText('UTF-8')
    assert p.waitFor(300, TimeUnit.SECONDS) && p.exitValue() == 0 : "mvn ${extra} failed:\n${out}"
    return out
}
