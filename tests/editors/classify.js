// classify.js - an independent classifier of buckle source text, written
// from the scanner's rules (grammar/buckle.l) and the statement shapes of
// the grammar (grammar/buckle.y), not from the editor grammars it checks.
// It returns tokens { start, end, cls } over the JavaScript string (UTF-16
// offsets); the tests turn each class into the scope (VS Code) or syntax
// group (Vim) that the token must get.
'use strict';

const CONTROL = ['extends', 'param', 'default', 'remove', 'final', 'sbpl', 'test', 'expect', 'platform'];
const ACTIONS = ['allow', 'deny'];
const SECTIONS = ['files', 'mach', 'sysctl', 'network', 'process', 'ipc', 'iokit', 'misc'];
const MATCHERS = ['subpath', 'literal', 'prefix', 'glob', 'regex', 'name', 'local', 'target', 'class', 'registry-class'];
const MODIFIERS = ['report', 'no-report', 'message'];

function keywordClass(w) {
    if (CONTROL.includes(w)) return 'control';
    if (ACTIONS.includes(w)) return 'action';
    if (SECTIONS.includes(w)) return 'section';
    if (MATCHERS.includes(w)) return 'matcher';
    if (MODIFIERS.includes(w)) return 'modifier';
    return null;
}

const isIdStart = (c) => /[A-Za-z_]/.test(c);
const isIdChar = (c) => /[A-Za-z0-9_-]/.test(c);
const isHex = (c) => /[0-9A-Fa-f]/.test(c);

// the parts of a "..." string's text: escapes, parameter references, $$
function stringParts(s, from, to, out) {
    let i = from;
    if (s[i] === '~' && (i + 1 >= to || s[i + 1] === '/')) { out.push({ start: i, end: i + 1, cls: 'home' }); i++; }
    while (i < to) {
        const c = s[i];
        if (c === '\\') {
            const n = s[i + 1];
            if (n === '\\' || n === '"' || n === 'n' || n === 't') { out.push({ start: i, end: i + 2, cls: 'escape' }); i += 2; }
            else if (n === 'x' && isHex(s[i + 2] || '') && isHex(s[i + 3] || '')) { out.push({ start: i, end: i + 4, cls: 'escape' }); i += 4; }
            else if (i + 1 < to) { out.push({ start: i, end: i + 2, cls: 'bad-escape' }); i += 2; }
            else { out.push({ start: i, end: i + 1, cls: 'bad-escape' }); i++; }
        } else if (c === '$' && s[i + 1] === '$') {
            out.push({ start: i, end: i + 2, cls: 'dollar' }); i += 2;
        } else if (c === '$' && s[i + 1] === '{') {
            let j = i + 2;
            while (j < to && s[j] !== '}' && s[j] !== '"' && s[j] !== '\\') j++;
            if (j < to && s[j] === '}') { out.push({ start: i, end: j + 1, cls: 'param-ref' }); i = j + 1; } else i++;
        } else if (c === '$' && isIdStart(s[i + 1] || '')) {
            let j = i + 2;
            while (j < to && /[A-Za-z0-9_]/.test(s[j])) j++;
            out.push({ start: i, end: j, cls: 'param-ref' }); i = j;
        } else i++;
    }
}

// "# buckle: ignore[BK3002, slug] -- why": the directive and the list
function suppression(s, start, end, out) {
    const m = /^#[ \t]*(buckle:)[ \t]*/.exec(s.slice(start, end));
    if (!m) return false;
    out.push({ start: start + m.index + m[0].indexOf('buckle:'), end: start + m[0].indexOf('buckle:') + 7, cls: 'suppress-kw' });
    let i = start + m[0].length;
    const word = ['file-ignore', 'ignore'].find((w) => s.startsWith(w + '[', i));
    if (word) {
        out.push({ start: i, end: i + word.length, cls: 'suppress-kw' });
        i += word.length + 1;
        while (i < end && s[i] !== ']') {
            if (/[A-Za-z0-9_-]/.test(s[i])) {
                let j = i;
                while (j < end && /[A-Za-z0-9_-]/.test(s[j])) j++;
                const w = s.slice(i, j);
                if (/^BK[0-9]{4}$/.test(w)) out.push({ start: i, end: j, cls: 'lint-code' });
                else if (/^[A-Za-z]/.test(w)) out.push({ start: i, end: j, cls: 'lint-slug' });
                i = j;
            } else i++;
        }
    }
    return true;
}

function classify(s) {
    const toks = [];
    const n = s.length;
    let i = 0;
    if (s.charCodeAt(0) === 0xfeff) i = 1;
    while (i < n) {
        const c = s[i];
        if (/[ \t\r\n\f\v]/.test(c)) { i++; continue; }
        if (c === '#') {
            let j = s.indexOf('\n', i);
            if (j < 0) j = n;
            if (j > i && s[j - 1] === '\r') j--;
            const parts = [];
            const sup = suppression(s, i, j, parts);
            toks.push({ start: i, end: j, cls: sup ? 'suppression' : 'comment' });
            toks.push(...parts);
            i = j;
            continue;
        }
        if (s.startsWith('"""', i)) {
            let j = s.indexOf('"""', i + 3);
            j = j < 0 ? n : j + 3;
            toks.push({ start: i, end: j, cls: 'sbpl' });
            i = j;
            continue;
        }
        if (c === '"') {
            let j = i + 1;
            while (j < n && s[j] !== '"' && s[j] !== '\n') j += s[j] === '\\' && s[j + 1] !== '\n' && j + 1 < n ? 2 : 1;
            let contentEnd = j;
            if (contentEnd > i + 1 && s[contentEnd - 1] === '\r' && s[j] === '\n') contentEnd--;
            const closed = j < n && s[j] === '"';
            const path = /[/~$]/.test(s[i + 1] || '');
            toks.push({ start: i, end: closed ? j + 1 : contentEnd, cls: path ? 'path' : 'string' });
            stringParts(s, i + 1, contentEnd, toks);
            i = closed ? j + 1 : j;
            continue;
        }
        if (/[0-9]/.test(c)) {
            let j = i;
            while (j < n && /[0-9]/.test(s[j])) j++;
            toks.push({ start: i, end: j, cls: 'number' });
            i = j;
            continue;
        }
        if (isIdStart(c)) {
            let j = i + 1;
            while (j < n && isIdChar(s[j])) j++;
            if (s[j] === '*') j++;
            const w = s.slice(i, j);
            const k = keywordClass(w);
            toks.push({ start: i, end: j, cls: k || 'ident', word: w });
            i = j;
            continue;
        }
        if (';,={}'.includes(c)) { toks.push({ start: i, end: i + 1, cls: 'punct' }); i++; continue; }
        i++;
    }
    // context: the verb after an action (and `final`), or after
    // `expect ACTION SECTION`; the name after `param`
    const code = toks.filter((t) => ['control', 'action', 'section', 'matcher', 'modifier', 'ident', 'number', 'punct', 'string', 'path', 'sbpl'].includes(t.cls));
    for (let k = 0; k < code.length; k++) {
        const t = code[k];
        if (t.cls === 'control' && t.word === 'param') {
            if (code[k + 1] && code[k + 1].cls === 'ident') code[k + 1].cls = 'param-decl';
        } else if (t.cls === 'control' && t.word === 'platform') {
            if (code[k + 1] && code[k + 1].cls === 'ident') code[k + 1].cls = 'platform-name';
        } else if (t.cls === 'control' && t.word === 'expect') {
            let m = k + 1;
            while (code[m] && (code[m].cls === 'action' || code[m].cls === 'section')) { code[m].inExpect = true; m++; }
            if (code[m] && code[m].cls === 'ident') code[m].cls = 'verb';
            k = m - 1;
        } else if (t.cls === 'action' && !t.inExpect) {
            let m = k + 1;
            if (code[m] && code[m].cls === 'control' && code[m].word === 'final') m++;
            if (code[m] && code[m].cls === 'ident') code[m].cls = 'verb';
        }
    }
    return toks;
}

module.exports = { classify, CONTROL, ACTIONS, SECTIONS, MATCHERS, MODIFIERS };
