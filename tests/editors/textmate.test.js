// textmate.test.js - tokenizes every .buckle file under the given
// directories with the tokenizer VS Code uses (vscode-textmate on the
// oniguruma regex engine) and the extension's grammar, and checks every
// keyword, string, path, parameter reference, escape, comment and lint
// code against an independent classifier (classify.js).
//   node textmate.test.js GRAMMAR OUT-VIM-CHECKS.json DIR...
// Prints "PASS name" / "FAIL name: why" lines (the format of tests/lib.sh).
'use strict';
const fs = require('fs');
const path = require('path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');
const { classify } = require('./classify.js');

const [grammarPath, vimOut, ...dirs] = process.argv.slice(2);

const LEAF = {
    action: 'keyword.other.action.buckle',
    section: 'storage.type.section.buckle',
    matcher: 'support.type.matcher.buckle',
    modifier: 'storage.modifier.buckle',
    verb: 'entity.name.function.verb.buckle',
    'param-decl': 'variable.parameter.declaration.buckle',
    'platform-name': 'entity.name.type.platform.buckle',
    number: 'constant.numeric.buckle',
    ident: 'variable.other.buckle',
    'suppress-kw': 'keyword.other.suppression.buckle',
    'lint-code': 'constant.other.lint-code.buckle',
    'lint-slug': 'constant.other.lint-slug.buckle',
    escape: 'constant.character.escape.buckle',
    dollar: 'constant.character.escape.dollar.buckle',
    'bad-escape': 'invalid.illegal.escape.buckle',
    'param-ref': 'variable.parameter.reference.buckle',
    home: 'variable.language.home.buckle',
};
const CONTAINER = {
    comment: 'comment.line.number-sign.buckle',
    suppression: 'comment.line.number-sign.suppression.buckle',
    string: 'string.quoted.double.buckle',
    path: 'string.quoted.double.path.buckle',
    sbpl: 'string.quoted.triple.sbpl.buckle',
};
// the Vim syntax group a token's first and last character must be in
const VIM = {
    control: '^buckleKw', action: 'Action$', section: 'Section$', matcher: '^buckleMatcher$',
    modifier: '^buckleModifier$', verb: '^buckleVerb$', 'param-decl': '^buckleParamName$',
    'platform-name': '^bucklePlatformName$',
    number: '^buckleNumber$', ident: '^$', comment: '^buckleComment$', suppression: '^buckleSuppress',
    'suppress-kw': '^buckleSuppressKw$', 'lint-code': '^buckleLintCode$', 'lint-slug': '^buckleLintSlug$',
    string: '^buckleString$', path: '^bucklePath$', sbpl: '^buckleSbpl$', escape: '^buckleEscape$',
    dollar: '^buckleDollar$', 'bad-escape': '^buckleBadEscape$', 'param-ref': '^buckleParamRef$',
    home: '^buckleHome$',
};

function files(dir) {
    const out = [];
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) { if (e.name !== 'node_modules') out.push(...files(p)); }
        else if (e.name.endsWith('.buckle')) out.push(p);
    }
    return out.sort();
}

async function main() {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new vsctm.Registry({
        onigLib: Promise.resolve({
            createOnigScanner: (p) => new oniguruma.OnigScanner(p),
            createOnigString: (s) => new oniguruma.OnigString(s),
        }),
        loadGrammar: async (scope) => scope === 'source.buckle'
            ? vsctm.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath) : null,
    });
    const grammar = await registry.loadGrammar('source.buckle');
    const seen = {};
    const vim = [];
    let nfiles = 0, nchecked = 0, failures = 0;
    for (const dir of dirs) for (const file of files(dir)) {
        nfiles++;
        const raw = fs.readFileSync(file);
        const text = raw.toString('utf8');
        // Vim columns are bytes: computed from the text only when it is
        // valid UTF-8 (a fuzz case may not be)
        const utf8 = Buffer.from(text, 'utf8').equals(raw);
        // the scopes of every character, from the real tokenizer
        const scopes = new Array(text.length);
        let state = vsctm.INITIAL, off = 0;
        for (const line of text.split('\n')) {
            const r = grammar.tokenizeLine(line, state);
            for (const t of r.tokens)
                for (let k = t.startIndex; k < Math.min(t.endIndex, line.length); k++) scopes[off + k] = t.scopes;
            state = r.ruleStack;
            off += line.length + 1;
        }
        // what each character must be: the innermost classified token
        const toks = classify(text);
        const want = new Array(text.length);
        for (const t of toks) for (let k = t.start; k < t.end; k++) want[k] = t;
        const errs = [];
        for (let k = 0; k < text.length; k++) {
            const t = want[k];
            if (!t || /\s/.test(text[k])) continue;
            const sc = scopes[k] || [];
            const inner = sc[sc.length - 1] || '';
            let ok;
            let expect;
            if (t.cls === 'control') { expect = `keyword.control.${t.word}.buckle`; ok = inner === expect; }
            else if (t.cls === 'punct') { expect = 'punctuation.* or keyword.operator.*'; ok = /^(punctuation|keyword\.operator)\./.test(inner); }
            else if (LEAF[t.cls]) { expect = LEAF[t.cls]; ok = inner === expect; }
            else {
                expect = CONTAINER[t.cls];
                ok = sc.includes(expect) && (inner === expect || inner.startsWith('punctuation.') || inner === 'meta.embedded.block.sbpl');
            }
            nchecked++;
            seen[t.cls] = (seen[t.cls] || 0) + 1;
            if (!ok) {
                const before = text.slice(0, k);
                const ln = before.split('\n').length, col = k - before.lastIndexOf('\n');
                errs.push(`${file}:${ln}:${col}: '${text.slice(t.start, t.end).slice(0, 40)}' is ${t.cls}: want ${expect}, got ${sc.join(' ')}`);
            }
        }
        if (errs.length) {
            failures++;
            console.log(`FAIL editors: vscode grammar: ${file}: ${errs.length} characters: ${errs.slice(0, 5).join(' | ')}`);
        } else console.log(`PASS editors: vscode grammar: ${file}`);
        // positions for the Vim test: first and last character of each token
        const checks = [];
        const lineStart = [0];
        for (let k = 0; k < text.length; k++) if (text[k] === '\n') lineStart.push(k + 1);
        const where = (k) => {
            let lo = 0, hi = lineStart.length - 1;
            while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (lineStart[mid] <= k) lo = mid; else hi = mid - 1; }
            return [lo + 1, Buffer.byteLength(text.slice(lineStart[lo], k)) + 1];
        };
        for (const t of toks) {
            if (!VIM[t.cls]) continue;
            for (const k of new Set([t.start, t.end - 1])) {
                if (/\s/.test(text[k]) || want[k] !== t) continue;
                checks.push([...where(k), VIM[t.cls], t.cls]);
            }
        }
        if (utf8) vim.push({ file: path.resolve(file), checks });
    }
    // every class occurs: the files must exercise the whole grammar
    for (const cls of [...Object.keys(LEAF), ...Object.keys(CONTAINER), 'control', 'punct']) {
        if (seen[cls]) console.log(`PASS editors: vscode grammar: ${cls} (${seen[cls]} characters)`);
        else { failures++; console.log(`FAIL editors: vscode grammar: ${cls}: no file has one`); }
    }
    if (nfiles < 50) { failures++; console.log(`FAIL editors: vscode grammar: only ${nfiles} files`); }
    console.log(`# ${nfiles} files, ${nchecked} characters checked, ${failures} failures`);
    fs.writeFileSync(vimOut, JSON.stringify(vim));
}

main().catch((e) => { console.log(`FAIL editors: vscode grammar: ${e.stack || e}`); process.exitCode = 1; });
