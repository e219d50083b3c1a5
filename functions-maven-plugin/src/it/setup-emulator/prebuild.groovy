// Wait up to 60 s until the emulator answers GET /v2/functions/namespaces on its port, with
// the token the builds use. What it printed, such as why it did not start, is in the output
// of the plugin's build, before the integration tests.
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.time.Duration

def url = URI.create("http://127.0.0.1:${emulatorPort}/v2/functions/namespaces")
def client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
def request = HttpRequest.newBuilder(url).header('Authorization', "Bearer ${emulatorToken}").build()
long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos()
while (true) {
	try {
		def response = client.send(request, HttpResponse.BodyHandlers.ofString())
		if (response.statusCode() == 200) {
			println "emulator up on port ${emulatorPort}"
			return true
		}
	}
	catch (IOException ignored) {
	}
	if (System.nanoTime() > deadline) {
		throw new IllegalStateException("the emulator did not answer on port ${emulatorPort} within 60 s;"
				+ " see what it printed in the build's output (exec:exec start-emulator)")
	}
	Thread.sleep(250)
}
