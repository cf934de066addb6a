#!/usr/bin/env node
// srt_gen.mjs - runs the peer's macOS profile generator on the three
// benchmark configurations of this folder (small.json, medium.json,
// large.json: srt settings, the environment they were taken in, and the
// exact object srt hands to its generator), for bench/run.sh.
//
//   node srt_gen.mjs [--iters small=500,medium=300,large=20] [--out DIR]
//   node srt_gen.mjs --once NAME        one profile, its size on stdout
//
// Per configuration it prints one line
//   NAME median_us N identity_us N bytes N sha256 HEX matches yes|no
// (identity_us: the same calls with realpath answering its argument, which
// separates srt's string work from its realpath calls; "matches": the
// profile is the one recorded in the configuration, so the figures are for
// the same output), and writes DIR/NAME.sb (default
// $SRT_OUT_DIR or /tmp/buckle-bench-srt).
//
// The peer is installed outside the repository (bench/run.sh does it):
// $SRT_PEER_DIR/node_modules/@anthropic-ai/sandbox-runtime.  Its generator
// is not exported, so a copy of the module that defines it, with one export
// appended, is written next to the original inside that install; the copy
// resolves the module's own relative imports as the original does.
import fs from 'node:fs'
import path from 'node:path'
import crypto from 'node:crypto'
import { fileURLToPath, pathToFileURL } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const peer = process.env.SRT_PEER_DIR ||
  path.join(process.env.HOME || '/tmp', '.cache/buckle-bench/srt-peer')
const pkg = path.join(peer, 'node_modules/@anthropic-ai/sandbox-runtime')

async function generator() {
  const dir = path.join(pkg, 'dist/sandbox')
  const src = fs.readFileSync(path.join(dir, 'macos-sandbox-utils.js'), 'utf8')
  if (!src.includes('function generateSandboxProfile(')) {
    throw new Error(`no generateSandboxProfile in ${dir}: another srt layout`)
  }
  const copy = path.join(dir, 'macos-sandbox-utils.buckle-bench.js')
  const text = `${src}\nexport { generateSandboxProfile as buckleBenchGenerate };\n`
  if (!fs.existsSync(copy) || fs.readFileSync(copy, 'utf8') !== text) {
    fs.writeFileSync(copy, text)
  }
  const m = await import(pathToFileURL(copy).href)
  return m.buckleBenchGenerate
}

function config(name) {
  const c = JSON.parse(fs.readFileSync(path.join(here, `${name}.json`), 'utf8'))
  // the generator reads HOME for "~" and the working directory for the
  // denies it anchors there: make them the recorded ones
  process.env.HOME = c.env.HOME
  process.cwd = () => c.env.cwd
  return c
}

function median(xs) {
  const a = [...xs].sort((x, y) => x - y)
  const m = a.length >> 1
  return a.length % 2 ? a[m] : (a[m - 1] + a[m]) / 2
}

const args = process.argv.slice(2)
const arg = (name, dflt) => {
  const i = args.indexOf(name)
  return i >= 0 && i + 1 < args.length ? args[i + 1] : dflt
}
const gen = await generator()

const once = arg('--once')
if (once) {
  const c = config(once)
  process.stdout.write(`${Buffer.byteLength(gen(c.generatorInput))}\n`)
} else {
  const iters = { small: 500, medium: 300, large: 20 }
  for (const kv of (arg('--iters', '') || '').split(',').filter(Boolean)) {
    const [k, v] = kv.split('=')
    iters[k] = Number(v)
  }
  const out = arg('--out', process.env.SRT_OUT_DIR || '/tmp/buckle-bench-srt')
  fs.mkdirSync(out, { recursive: true })
  for (const name of ['small', 'medium', 'large']) {
    const c = config(name)
    const n = iters[name]
    let profile = ''
    const time = () => {
      for (let i = 0; i < Math.min(20, n); i++) profile = gen(c.generatorInput)
      const us = []
      for (let i = 0; i < n; i++) {
        const t = process.hrtime.bigint()
        profile = gen(c.generatorInput)
        us.push(Number(process.hrtime.bigint() - t) / 1000)
      }
      return median(us).toFixed(1)
    }
    const real = fs.realpathSync.native
    fs.realpathSync.native = p => String(p)
    const identity = time()
    const identityProfile = profile
    fs.realpathSync.native = real
    const plain = time()
    if (profile !== identityProfile) throw new Error(`${name}: realpath changed the profile`)
    fs.writeFileSync(path.join(out, `${name}.sb`), profile)
    const sha = crypto.createHash('sha256').update(profile).digest('hex')
    console.log(`${name} median_us ${plain} identity_us ${identity} bytes ${Buffer.byteLength(profile)} ` +
      `sha256 ${sha} matches ${sha === c.profile.sha256 ? 'yes' : 'no'}`)
  }
}
