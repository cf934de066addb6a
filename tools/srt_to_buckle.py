#!/usr/bin/env python3
"""srt_to_buckle.py - translates one of srt's benchmark configurations
(a JSON file holding the exact generator input) into a .buckle
profile, for the side-by-side benchmark and the corpus.  A maintainer tool:
the generated files are committed; building and testing never run it.

  python3 tools/srt_to_buckle.py path/to/large.json > corpus/examples/srt-large.buckle
"""
import json, sys

def quote(p):
    return '"' + p.replace('\\', '\\\\').replace('"', '\\"') + '"'

def matcher(p):
    if p.startswith('**/'):
        p = '/' + p                  # srt: anywhere; buckle globs are absolute
    if any(c in p for c in '*?['):
        return 'glob ' + quote(p)
    return quote(p)

def rules(verb, action, paths, out):
    seen = set()
    for p in paths:
        m = matcher(p)
        if m in seen:
            continue
        seen.add(m)
        out.append(f'    {action} {verb} {m};')

def main():
    d = json.load(open(sys.argv[1]))
    gi, name = d['generatorInput'], d['name']
    out = [f'# srt-{name}.buckle - srt\'s "{name}" benchmark configuration',
           '# (its input ' + name + '.json, translated by tools/srt_to_buckle.py).',
           '# srt reads everywhere except its deny list, writes only where allowed, and',
           '# reaches the network only through its local proxies.',
           *([] if name == 'medium' else ['# buckle: file-ignore[protected-file-writable, broad-write, shadowed-rule, deny-wins-tie, missing-traversal, keychain-db-without-services] -- a faithful translation of the peer\'s benchmark input, not a recommended profile']),
           'extends "std/base";', '', 'files {',
           '    allow read "/";                             # srt: reads are denied only by its list']
    rc, wc = gi['readConfig'], gi['writeConfig']
    rules('read', 'deny', rc.get('denyOnly', []), out)
    rules('read', 'allow', rc.get('allowWithinDeny', []), out)
    rules('write', 'allow', wc.get('allowOnly', []), out)
    # srt emits its write denies after the allows, so they win inside every
    # allowed root; in buckle the more specific rule wins, so a pattern that
    # matches anywhere ("**/.env") is written under each allowed root
    denies = []
    roots = [p for p in wc.get('allowOnly', []) if not p.startswith('/dev/')]
    for p in wc.get('denyWithinAllow', []):
        if p.startswith('**/'):
            denies += [r.rstrip('/') + '/' + p for r in roots]
        else:
            denies.append(p)
    rules('write', 'deny', denies, out)
    out.append('}')
    out += ['', 'network {',
            f'    allow outbound "localhost:{gi["httpProxyPort"]}";          # srt\'s HTTP proxy',
            f'    allow outbound "localhost:{gi["socksProxyPort"]}";          # srt\'s SOCKS proxy']
    for s in gi.get('allowUnixSockets', []) or []:
        out.append(f'    allow unix-connect literal {quote(s)};')
    if gi.get('allowLocalBinding'):
        out.append('    allow bind "localhost:*";')
        out.append('    allow inbound "localhost:*";')
    out.append('}')
    ml = gi.get('allowMachLookup') or []
    if ml:
        out += ['', 'mach {']
        for m in ml:
            if m.endswith('*'):
                out.append(f'    allow lookup prefix {quote(m[:-1])};')
            else:
                out.append(f'    allow lookup {quote(m)};')
        out.append('}')
    if gi.get('allowPty'):
        out += ['', 'misc {', '    allow pseudo-tty;', '}',
                'files {', '    allow read literal "/dev/ptmx", regex "^/dev/ttys[0-9]+$";',
                '    allow write literal "/dev/ptmx", regex "^/dev/ttys[0-9]+$";', '}']
    out += ['', 'test {',
            '    expect allow files read "/usr/lib/libSystem.B.dylib";',
            '    expect allow network outbound "localhost:3128";',
            '    expect deny  network outbound "*:443";',
            '}']
    print('\n'.join(out))

main()
