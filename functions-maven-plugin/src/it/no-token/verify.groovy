// The build failed (invoker.buildResult) saying how to give a token.
def log = new File(basedir, 'build.log').text
assert log.contains('No DigitalOcean API token: set the environment variable DIGITALOCEAN_TOKEN') : "no message in:\n$log"
assert log.contains('-Dfunctions.token=...')
true
