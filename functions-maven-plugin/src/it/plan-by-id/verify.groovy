// The plan's table names the function and its action, and the token is nowhere in the log,
// not even under -X, which prints every parameter of the goal.
def log = new File(basedir, 'build.log').text
assert log.contains('Plan for ') && log.contains('in namespace it (fn-it)') : 'no plan header'
def rows = log.readLines().findAll { it.contains('sample/hello') }
assert rows.any { it.toLowerCase().contains('create') } : "no row creating sample/hello in:\n$log"
assert log.contains('BUILD SUCCESS')
assert !log.contains(emulatorToken) : 'the token is in the log'
true
