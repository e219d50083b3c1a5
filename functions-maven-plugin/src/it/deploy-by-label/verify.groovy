// The missing namespace is created in the configured region, the plan and then what was
// done are printed, each naming the function; a second deploy finds nothing to change; the
// token is nowhere in the log.
def log = new File(basedir, 'build.log').text
assert log =~ /Created namespace it-deployed \(fn-[^)]+\) in ams3/ : "no namespace created in:\n$log"
int planned = log.indexOf('Plan for ')
int deployed = log.indexOf('Deployed to namespace it-deployed')
assert planned >= 0 && deployed > planned : "no plan, then report, in:\n$log"
assert log.substring(planned, deployed).readLines().any { it.contains('sample/hello') && it.toLowerCase().contains('create') }
assert log.substring(deployed).readLines().any { it.contains('sample/hello') }
int again = log.indexOf('Nothing to deploy: the namespace is up to date', deployed)
assert again > deployed : "the second deploy was not up to date in:\n$log"
assert log.indexOf('Created namespace', deployed) < 0 : 'the namespace was created twice'
assert log.contains('BUILD SUCCESS')
assert !log.contains(emulatorToken) : 'the token is in the log'
true
