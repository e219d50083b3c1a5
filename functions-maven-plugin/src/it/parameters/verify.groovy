// One log for the four invocations of invoker.properties, in their order.
def log = new File(basedir, 'build.log').text
def expected = [
	'Skipping: functions.skip is true',
	'functions.project: no doctl project at ',
	'No namespace has the id fn-nope (an id is never created',
	"No namespace has the label 'not-yet': functions:deploy would create it in fra1",
	// No web: in project.yml: the plan of a new namespace says it too.
	'create function sample/quiet (web: public: project.yml says no web:',
]
int from = 0
expected.each { message ->
	int at = log.indexOf(message, from)
	assert at >= 0 : "'$message' not found (in order) in:\n$log"
	from = at
}
true
