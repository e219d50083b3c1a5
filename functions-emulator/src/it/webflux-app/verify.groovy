// The emulator in test scope must not change what the application ships: the fat jar with it
// holds the libraries of the fat jar without it, less QUIC's native libraries (which the
// starter leaves out, and which WebFlux's own Reactor Netty may bring); never the emulator.
import java.util.zip.ZipFile

def libraries = { String variant ->
	File jar = new File(basedir, "target/webflux-app-${variant}.jar")
	assert jar.isFile() : "no fat jar at $jar"
	def names = new ZipFile(jar).withCloseable { zip ->
		zip.entries().toList()*.name
			.findAll { it.startsWith('BOOT-INF/lib/') && it.endsWith('.jar') }
			.collect { it.substring('BOOT-INF/lib/'.length()) } as TreeSet
	}
	println "webflux-app-${variant}.jar: ${String.format('%.1f', jar.length() / 1e6)} MB, ${names.size()} libraries"
	names
}
def quic = { String name -> name.startsWith('netty-codec-native-quic-') }

def without = libraries('without-emulator')
def with = libraries('with-emulator')

assert with.findAll(quic).isEmpty() : "QUIC's native libraries in the jar: ${with.findAll(quic)}"
assert with.findAll { it.startsWith('functions-emulator-') }.isEmpty() : 'the test-scoped emulator in the jar'
assert with.any { it.startsWith('reactor-netty-http-') } : 'WebFlux without Reactor Netty'
def epoll = without.findAll { it.startsWith('netty-transport-native-epoll-') }
assert with.containsAll(epoll) : "the emulator dropped the epoll transport ${epoll}"
assert with == (without.findAll { !quic(it) } as TreeSet) :
	"libraries added by the emulator: ${with - without}; dropped: ${without.findAll { !quic(it) } - with}"
true
