// The chain is codegen/core's test chain (chains/realistic), copied in here before the build, so
// the two tests read one set of files.
import java.nio.file.*

def from = basedir.toPath().resolve('../../../../core/src/test/resources/chains/realistic/db').normalize()
def to = basedir.toPath().resolve('src/main/resources/db')
assert Files.isDirectory(from) : "no chain at " + from
Files.walk(from).forEach { p ->
    def target = to.resolve(from.relativize(p).toString())
    if (Files.isDirectory(p)) Files.createDirectories(target)
    else Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING)
}
return true
