// extension.js - starts `buckle lsp` (standard input and output) for buckle
// files through vscode-languageclient.  The grammar and the language
// configuration work without it.
'use strict';
const vscode = require('vscode');

let client;

async function activate(context) {
    const cfg = vscode.workspace.getConfiguration('buckle.server');
    if (!cfg.get('enable', true)) return;
    let lc;
    try {
        lc = require('vscode-languageclient/node');
    } catch (e) {
        vscode.window.showWarningMessage('buckle: vscode-languageclient is not installed (npm install in the extension folder); highlighting only.');
        return;
    }
    const run = { command: cfg.get('command', 'buckle'), args: cfg.get('args', ['lsp']), transport: lc.TransportKind.stdio };
    client = new lc.LanguageClient('buckle', 'buckle', { run, debug: run }, {
        documentSelector: [{ scheme: 'file', language: 'buckle' }, { scheme: 'untitled', language: 'buckle' }],
        synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.buckle') },
    });
    context.subscriptions.push({ dispose: () => client && client.stop() });
    await client.start();
}

function deactivate() {
    return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
