// Runs one activation of a deployed Node.js function for the DigitalOcean Functions
// emulator (ProcessFunction). Arguments: the code (a file, or the folder of a zip), its
// form ("script", "module" or "zip"), the entry point's name, the parameters file, the
// result file and the failure file. The result goes to its file, never to stdout, so
// that everything the function prints is a log line.
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const { createRequire } = require('module');
const { pathToFileURL } = require('url');

const [code, form, main, paramsFile, resultFile, failureFile] = process.argv.slice(2);

// apache/openwhisk-runtime-nodejs core/nodejsActionBase/runner.js: a plain script is
// evaluated and its function named by main is taken; a zip is required from its folder.
// DigitalOcean's docs also show CommonJS (exports.main) and ES modules (export function
// main): https://docs.digitalocean.com/products/functions/reference/runtimes/node-js/
async function load() {
	if (form === 'script') {
		const source = fs.readFileSync(code, 'utf8');
		const module = { exports: {} };
		const body = source + '\n;return (typeof ' + main + " === 'function') ? " + main + ' : undefined;';
		const wrapper = vm.compileFunction(body, ['exports', 'require', 'module', '__filename', '__dirname'],
			{ filename: code });
		const declared = wrapper(module.exports, createRequire(code), module, code, path.dirname(code));
		return declared || pick(module.exports);
	}
	if (form === 'module') {
		return pick(await import(pathToFileURL(code).href));
	}
	// apache/openwhisk-runtime-nodejs core/nodejsActionBase/runner.js: "Zipped actions
	// must contain either package.json or index.js at the root."
	if (!fs.existsSync(path.join(code, 'package.json')) && !fs.existsSync(path.join(code, 'index.js'))) {
		throw 'Zipped actions must contain either package.json or index.js at the root.';
	}
	const entry = require.resolve(code);
	try {
		return pick(require(entry));
	}
	catch (error) {
		if (error && error.code === 'ERR_REQUIRE_ESM') {
			return pick(await import(pathToFileURL(entry).href));
		}
		throw error;
	}
}

function pick(exported) {
	if (exported && typeof exported[main] === 'function') {
		return exported[main];
	}
	if (exported && exported.default && typeof exported.default[main] === 'function') {
		return exported.default[main];
	}
	return undefined;
}

// The context of https://docs.digitalocean.com/products/functions/reference/parameters-responses/
// built from OpenWhisk's __OW_ variables, which the emulator sets.
function context() {
	const deadline = Number(process.env.__OW_DEADLINE);
	return {
		activationId: process.env.__OW_ACTIVATION_ID,
		apiHost: process.env.__OW_API_HOST,
		deadline: deadline,
		functionName: process.env.__OW_ACTION_NAME,
		functionVersion: process.env.__OW_ACTION_VERSION,
		namespace: process.env.__OW_NAMESPACE,
		requestId: process.env.__OW_TRANSACTION_ID,
		getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
	};
}

// serialize-error, as core/nodejsActionBase/runner.js uses it for a rejected promise.
function serialize(error) {
	if (error instanceof Error) {
		return Object.assign({ name: error.name, message: error.message, stack: error.stack }, error);
	}
	return error;
}

// The outcome: the result, or why there is none. The function's pending timers do not
// keep the process, but what it printed reaches the pipes before it ends.
function finish(outcome) {
	let text;
	if (outcome.failure === undefined) {
		try {
			text = JSON.stringify(outcome.result);
		}
		catch (error) {
			outcome = { failure: 'The action did not produce a valid JSON response: ' + error };
		}
	}
	if (outcome.failure !== undefined) {
		fs.writeFileSync(failureFile, JSON.stringify({ message: String(outcome.failure) }));
	}
	else {
		fs.writeFileSync(resultFile, (text === undefined) ? 'null' : text);
	}
	process.stdout.write('', () => process.stderr.write('', () => process.exit(0)));
}

async function run() {
	let fn;
	try {
		fn = await load();
		if (typeof fn !== 'function') {
			throw "Action entrypoint '" + main + "' is not a function.";
		}
	}
	catch (error) {
		// apache/openwhisk-runtime-nodejs core/nodejsActionBase/src/service.js initCode
		console.error('Error during initialization:', error);
		return { failure: 'Initialization has failed due to: ' + ((error && error.stack) ? String(error.stack) : error) };
	}
	const params = JSON.parse(fs.readFileSync(paramsFile, 'utf8'));
	let pending;
	try {
		pending = fn(params, context());
	}
	catch (error) {
		// core/nodejsActionBase/src/service.js runCode: a thrown error is
		// "An error has occurred: " and the error
		console.error(error);
		return { failure: 'An error has occurred: ' + error };
	}
	try {
		const result = await pending;
		// core/nodejsActionBase/runner.js run: "return;" resolves to {}
		return { result: (result === undefined) ? {} : result };
	}
	catch (error) {
		// core/nodejsActionBase/runner.js run: a rejected promise is a result with the
		// serialized error
		console.error(error);
		return { result: { error: (error === undefined || error === null) ? {} : serialize(error) } };
	}
}

// The platform's runtime keeps running until the activation ends: a promise that never
// settles runs into the function's timeout, not an early exit of the process.
const keepAlive = setInterval(() => {}, 1 << 30);
run().then((outcome) => {
	clearInterval(keepAlive);
	finish(outcome);
});
