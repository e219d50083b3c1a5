// The emulator in test scope must not change what the application ships: the fat jar with it
// holds exactly the libraries of the fat jar without it; no emulator, no QUIC native library
// (the starter leaves them out), and of Reactor Netty only what the starter brings.
import java.util.zip.ZipFile

def libraries = { String variant ->
	File jar = new File(basedir, "target/mvc-app-${variant}.jar")
	assert jar.isFile() : "no fat jar at $jar"
	def names = new ZipFile(jar).withCloseable { zip ->
		zip.entries().toList()*.name
			.findAll { it.startsWith('BOOT-INF/lib/') && it.endsWith('.jar') }
			.collect { it.substring('BOOT-INF/lib/'.length()) } as TreeSet
	}
	println "mvc-app-${variant}.jar: ${String.format('%.1f', jar.length() / 1e6)} MB, ${names.size()} libraries"
	names
}

def without = libraries('without-emulator')
def with = libraries('with-emulator')

assert without.findAll { it.startsWith('netty-codec-native-quic-') }.isEmpty() : 'the starter brought QUIC natives'
assert with.findAll { it.startsWith('netty-codec-native-quic-') }.isEmpty() :
	"QUIC's native libraries in the jar: ${with.findAll { it.startsWith('netty-codec-native-quic-') }}"
assert with.findAll { it.startsWith('functions-emulator-') }.isEmpty() : 'the test-scoped emulator in the jar'
assert with.findAll { it.startsWith('reactor-netty') } == without.findAll { it.startsWith('reactor-netty') }
assert with == without : "libraries added by the emulator: ${with - without}; dropped: ${without - with}"
true
