def log = new File(basedir, 'build.log').text
assert log.contains('created src/main/resources/db/migrations.lock with 4 migrations') : "cairn:lock did not lock the chain"
assert log =~ /lint        0 errors, 0 warnings in 4 files; \d+ findings in released migrations \(mvn cairn:lint -Dcairn.all lists them\)/ : "no summary line for the released findings"
assert !log.contains('BUILD FAILURE')
assert new File(basedir, 'target/classes/com/example/Orders.class').isFile()
return true
