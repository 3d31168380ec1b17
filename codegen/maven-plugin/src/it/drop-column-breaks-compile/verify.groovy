def log = new File(basedir, 'build.log').text
assert log.contains('migrate     4 migrations applied') : "the migrations did not all apply"
assert log.contains('COMPILATION ERROR') : "the build did not fail in the compiler"
assert log =~ /Catalog\.java.*cannot find symbol/ || log.contains('cannot find symbol') : "no missing-symbol error"
assert log.contains('ISBN') : "the error does not name the dropped column"
return true
