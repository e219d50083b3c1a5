// The emulator's console: reads state.json every two seconds and draws it; "Run now" posts
// to run. Every value is set as text, never as HTML.
'use strict';

const REFRESH_MILLIS = 2000;

function element(tag, text, className) {
	const node = document.createElement(tag);
	if (text !== undefined && text !== null) {
		node.textContent = String(text);
	}
	if (className) {
		node.className = className;
	}
	return node;
}

// 2026-01-01T02:00:00.123456Z as 2026-01-01 02:00:00Z.
function when(iso) {
	return iso ? iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '-';
}

function code(value) {
	const pre = element('pre');
	pre.textContent = (typeof value === 'string') ? value : JSON.stringify(value, null, 1);
	return pre;
}

function table(headings, rows, emptyText) {
	if (rows.length === 0) {
		return element('p', emptyText, 'empty');
	}
	const result = element('table');
	const head = result.createTHead().insertRow();
	headings.forEach((heading) => head.appendChild(element('th', heading)));
	const body = result.createTBody();
	rows.forEach((row) => body.appendChild(row));
	return result;
}

function row(cells, attributes) {
	const tr = element('tr');
	Object.entries(attributes || {}).forEach(([name, value]) => tr.setAttribute(name, value));
	cells.forEach((cell) => {
		const td = element('td');
		if (cell instanceof Node) {
			td.appendChild(cell);
		}
		else {
			td.textContent = (cell === null || cell === undefined) ? '' : String(cell);
		}
		tr.appendChild(td);
	});
	return tr;
}

function runButton(namespace, trigger) {
	const button = element('button', 'Run now', 'run');
	button.addEventListener('click', async () => {
		button.disabled = true;
		try {
			const response = await fetch('run', {
				method: 'POST',
				headers: { 'Content-Type': 'application/json', 'X-Console-Request': 'run' },
				body: JSON.stringify({ namespace: namespace.id, trigger: trigger.name })
			});
			const answer = await response.json();
			show(response.ok ? `Ran ${trigger.name}: activation ${answer.activationId}, ${answer.status}`
				: `Could not run ${trigger.name}: ${answer.error}`);
		}
		catch (failure) {
			show(`Could not run ${trigger.name}: ${failure}`);
		}
		finally {
			button.disabled = false;
			refresh();
		}
	});
	return button;
}

function show(text) {
	const message = document.getElementById('message');
	message.textContent = text;
	message.hidden = false;
}

function drawNamespace(namespace) {
	const section = element('section', undefined, 'namespace');
	section.setAttribute('data-namespace', namespace.id);
	section.appendChild(element('h2', `${namespace.label} (${namespace.id}, ${namespace.region})`));

	section.appendChild(element('h3', 'Triggers'));
	section.appendChild(table(['name', 'function', 'cron (UTC)', 'enabled', 'body', 'next run', 'last run', ''],
		namespace.triggers.map((trigger) => row([trigger.name, trigger.function, trigger.cron,
			trigger.enabled ? 'yes' : 'paused', trigger.body || '', when(trigger.nextRunAt), when(trigger.lastRunAt),
			runButton(namespace, trigger)], { 'data-trigger': trigger.name, class: 'trigger' })),
		'No trigger.'));

	section.appendChild(element('h3', 'Deployed functions'));
	section.appendChild(table(['name', 'runtime', 'version', 'web', 'deployed'],
		namespace.functions.map((fn) => row([fn.name, fn.kind, fn.version, fn.web ? 'yes' : 'no', when(fn.updated)])),
		'No deployed function (functions registered in Java are not listed).'));

	section.appendChild(element('h3', 'Recent activations (newest first)'));
	section.appendChild(table(['start', 'function', 'trigger', 'status', 'duration', 'result', 'logs'],
		namespace.activations.map((activation) => row([when(activation.start), activation.function,
			activation.trigger || '', element('span', activation.status,
				activation.status === 'success' ? 'status-success' : 'status-failed'),
			`${activation.durationMillis} ms`, code(activation.result), code(activation.logs.join('\n'))],
			{ 'data-trigger': activation.trigger || '', 'data-activation': activation.activationId, class: 'activation' })),
		'No activation yet.'));

	section.appendChild(element('h3', 'Access keys'));
	section.appendChild(table(['id', 'name', 'expires'],
		namespace.accessKeys.map((key) => row([key.id, key.name, key.expiresAt ? when(key.expiresAt) : 'never'])),
		'No access key.'));
	return section;
}

function draw(state) {
	document.getElementById('now').textContent = when(state.now);
	const namespaces = document.getElementById('namespaces');
	namespaces.replaceChildren(...(state.namespaces.length > 0 ? state.namespaces.map(drawNamespace)
		: [element('p', 'No namespace yet.', 'empty')]));
	const faults = document.getElementById('faults');
	faults.replaceChildren(...(state.faults.length > 0 ? state.faults.map((fault) => element('li', fault))
		: [element('li', 'None.', 'empty')]));
	const journal = document.querySelector('#journal tbody');
	journal.replaceChildren(...state.journal.map((request) => row([when(request.receivedAt), request.method,
		request.path, request.operation || '', request.status])));
}

let drawn = null;

async function refresh() {
	try {
		const response = await fetch('state.json', { cache: 'no-store' });
		const text = await response.text();
		// Redrawn only when something changed, so that a button stays under the pointer.
		if (text !== drawn) {
			draw(JSON.parse(text));
			drawn = text;
		}
	}
	catch (failure) {
		show(`The emulator did not answer: ${failure}`);
	}
}

refresh();
setInterval(refresh, REFRESH_MILLIS);
