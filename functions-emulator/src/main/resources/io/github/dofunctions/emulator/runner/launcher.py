# Runs one activation of a deployed Python function for the DigitalOcean Functions
# emulator (ProcessFunction). Arguments: the folder of the code (holding __main__.py),
# the entry point's name, the parameters file, the result file and the failure file. The
# result goes to its file, never to stdout, so that everything the function prints is a
# log line.
import glob
import importlib.util
import inspect
import json
import os
import sys
import time
import traceback

code, main, params_file, result_file, failure_file = sys.argv[1:6]


def finish(path, body):
    sys.stdout.flush()
    sys.stderr.flush()
    with open(path, "wb") as out:
        out.write(body.encode("utf-8"))
    sys.exit(0)


def fail(message):
    finish(failure_file, json.dumps({"message": message}))


# apache/openwhisk-runtime-python core/python3ActionLoop/lib/launcher.py: a zip's
# "virtualenv" folder is activated with its bin/activate_this.py; a virtualenv made with
# "python -m venv" has none, so its site-packages go on the path instead.
def activate_virtualenv():
    folder = os.path.join(code, "virtualenv")
    if not os.path.isdir(folder):
        return
    activate_this = os.path.join(folder, "bin", "activate_this.py")
    if os.path.exists(activate_this):
        with open(activate_this) as f:
            exec(compile(f.read(), activate_this, "exec"), dict(__file__=activate_this))
        return
    import site
    for packages in glob.glob(os.path.join(folder, "lib", "python*", "site-packages")):
        site.addsitedir(packages)


class Context:
    """The context of https://docs.digitalocean.com/products/functions/reference/parameters-responses/
    built from OpenWhisk's __OW_ variables, which the emulator sets."""

    def __init__(self):
        env = os.environ
        self.activation_id = env.get("__OW_ACTIVATION_ID")
        self.api_host = env.get("__OW_API_HOST")
        self.deadline = int(env.get("__OW_DEADLINE", "0"))
        self.function_name = env.get("__OW_ACTION_NAME")
        self.function_version = env.get("__OW_ACTION_VERSION")
        self.namespace = env.get("__OW_NAMESPACE")
        self.request_id = env.get("__OW_TRANSACTION_ID")

    def get_remaining_time_in_millis(self):
        return max(0, self.deadline - int(time.time() * 1000))


def takes_context(function):
    try:
        parameters = inspect.signature(function).parameters.values()
    except (TypeError, ValueError):
        return False
    positional = [p for p in parameters if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    return len(positional) >= 2 or any(p.kind == p.VAR_POSITIONAL for p in parameters)


# apache/openwhisk-runtime-python core/python3ActionLoop/bin/compile: the code is
# __main__.py, imported as the module main__ from its folder, and main is taken from it.
try:
    activate_virtualenv()
    source = os.path.join(code, "__main__.py")
    if not os.path.exists(source):
        raise ImportError("Zip file does not include __main__.py")
    sys.path.insert(0, code)
    spec = importlib.util.spec_from_file_location("main__", source)
    module = importlib.util.module_from_spec(spec)
    sys.modules["main__"] = module
    spec.loader.exec_module(module)
    function = getattr(module, main, None)
    if not callable(function):
        raise ImportError("Action entrypoint '%s' is not a function." % main)
except Exception as ex:
    # In the words of apache/openwhisk-runtime-nodejs core/nodejsActionBase/src/service.js
    # initCode, so that both runtimes fail to load alike
    traceback.print_exc(file=sys.stderr)
    fail("Initialization has failed due to: %s" % ex)

with open(params_file, encoding="utf-8") as f:
    params = json.load(f)
try:
    result = function(params, Context()) if takes_context(function) else function(params)
except Exception as ex:
    # launcher.py: the traceback goes to stderr and the result is {"error": str(ex)}
    print(traceback.format_exc(), file=sys.stderr)
    result = {"error": str(ex)}
try:
    body = json.dumps(result, ensure_ascii=False)
except Exception as ex:
    fail("The action did not produce a valid JSON response: %s" % ex)
finish(result_file, body)
