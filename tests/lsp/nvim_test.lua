-- nvim_test.lua - Neovim's built-in LSP client drives `buckle lsp`:
-- diagnostics at the right range, cleared when fixed; hover, completion,
-- go-to-definition, formatting and code actions; the findings and hover of
-- the last version without errors kept while the buffer has a syntax error.  Run by tests/lsp/nvim.sh:
--   nvim --headless -u NONE -i NONE -n -c 'luafile tests/lsp/nvim_test.lua'
-- with BUCKLE (absolute), RESULTS and WORK (a scratch directory) set.
local buckle, results, work = os.getenv('BUCKLE'), os.getenv('RESULTS'), os.getenv('WORK')
local out = assert(io.open(results, 'a'))
local function pass(name) out:write('PASS nvim: ' .. name .. '\n') end
local function fail(name, why) out:write('FAIL nvim: ' .. name .. ': ' .. tostring(why):gsub('\n', ' ') .. '\n') end
local function check(name, ok, why) if ok then pass(name) else fail(name, why or 'no') end end

local function write(path, text)
  local f = assert(io.open(path, 'w')); f:write(text); f:close()
end

local function run()
  -- a profile with an unknown verb on line 3 (0-based line 2, columns 10-14)
  local path = work .. '/agent.buckle'
  write(path, table.concat({
    'extends "std/base";',
    'files {',
    '    allow raed "/usr/local";',
    '}',
    'mach {',
    '    allow lookup "com.apple.SystemConfiguration.configd";',
    '}',
    '',
  }, '\n'))
  vim.cmd('edit ' .. path)
  local buf = vim.api.nvim_get_current_buf()
  local client = vim.lsp.start_client({ name = 'buckle', cmd = { buckle, 'lsp' }, root_dir = work })
  check('the client starts buckle lsp', client ~= nil)
  vim.lsp.buf_attach_client(buf, client)

  local function diags() return vim.diagnostic.get(buf) end
  vim.wait(10000, function() return #diags() > 0 end, 20)
  local d = diags()[1]
  check('a diagnostic arrives for the error', d ~= nil, 'none within 10 s')
  if not d then return end
  check('it is on the right line', d.lnum == 2, 'line ' .. tostring(d.lnum))
  check('it spans the verb', d.col == 10 and d.end_col == 14, tostring(d.col) .. '-' .. tostring(d.end_col))
  check('it has its code', d.code == 'BK2006', tostring(d.code))
  check('it is an error', d.severity == vim.diagnostic.severity.ERROR, tostring(d.severity))
  check('it offers the did-you-mean', d.message:find('did you mean "read"', 1, true) ~= nil, d.message)

  -- the code action fixes the typo
  local params = { textDocument = { uri = vim.uri_from_bufnr(buf) },
                   range = { start = { line = 2, character = 10 }, ['end'] = { line = 2, character = 10 } },
                   context = { diagnostics = {} } }
  local res = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 10000)
  local acts = res and res[client] and res[client].result or {}
  local fix
  for _, a in ipairs(acts) do if a.title == 'Change to read' then fix = a end end
  check('a code action offers the did-you-mean fix', fix ~= nil, vim.inspect(acts))
  if not fix then return end
  vim.lsp.util.apply_workspace_edit(fix.edit, 'utf-16')
  check('the fix edits the buffer', vim.api.nvim_buf_get_lines(buf, 2, 3, false)[1] == '    allow read "/usr/local";',
        vim.api.nvim_buf_get_lines(buf, 2, 3, false)[1])
  -- fixed: the error goes; the lint finding on configd (BK3002, info) comes
  vim.wait(10000, function()
    for _, x in ipairs(diags()) do if x.code == 'BK2006' then return false end end
    return #diags() > 0
  end, 20)
  local codes = {}
  for _, x in ipairs(diags()) do codes[#codes + 1] = x.code end
  check('the fixed error is cleared', not vim.tbl_contains(codes, 'BK2006'), table.concat(codes, ','))
  check('the lint finding appears after the fix', vim.tbl_contains(codes, 'BK3002'), table.concat(codes, ','))

  -- a suppression with a reason placeholder, then the finding is gone
  params.range = { start = { line = 5, character = 4 }, ['end'] = { line = 5, character = 4 } }
  res = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 10000)
  acts = res and res[client] and res[client].result or {}
  local sup
  for _, a in ipairs(acts) do if a.title:find('Suppress BK3002', 1, true) then sup = a end end
  check('a code action offers a suppression', sup ~= nil, vim.inspect(acts))
  if sup then
    vim.lsp.util.apply_workspace_edit(sup.edit, 'utf-16')
    local l = vim.api.nvim_buf_get_lines(buf, 5, 6, false)[1]
    check('the suppression is inserted above the rule with a reason to fill in',
          l == '    # buckle: ignore[BK3002] -- REASON: say why this is acceptable', l)
    vim.wait(10000, function()
      for _, x in ipairs(diags()) do if x.code == 'BK3002' then return false end end
      return true
    end, 20)
    local left = {}
    for _, x in ipairs(diags()) do left[#left + 1] = x.code end
    check('the suppressed finding is gone', not vim.tbl_contains(left, 'BK3002'), table.concat(left, ','))
  end

  local function req(method, line, character)
    local p = { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = line, character = character } }
    local r = vim.lsp.buf_request_sync(buf, method, p, 10000)
    return r and r[client] and r[client].result
  end
  -- hover: a verb, a mach service, a path
  local h = req('textDocument/hover', 2, 11)
  check('hover on a verb shows its SBPL operations', h and h.contents.value:find('file-read-data', 1, true), vim.inspect(h))
  h = req('textDocument/hover', 6, 20)
  check('hover on a mach service shows its risk', h and h.contents.value:find('risk **info**', 1, true), vim.inspect(h))
  h = req('textDocument/hover', 2, 20)
  check('hover on a path shows the rule that decides it',
        h and h.contents.value:find('**allow** by `allow files read subpath "/usr/local"`', 1, true), vim.inspect(h))
  h = req('textDocument/hover', 5, 23)
  check('hover on a rule ID in a suppression explains the rule', h and h.contents.value:find('dangerous-mach-service', 1, true), vim.inspect(h))

  -- completion: verbs of the section after "allow", std names in extends
  vim.api.nvim_buf_set_lines(buf, 3, 3, false, { '    allow ' })
  local c = req('textDocument/completion', 3, 10)
  local labels = {}
  for _, it in ipairs(c and c.items or {}) do labels[#labels + 1] = it.label end
  check('completion after allow offers the section\'s verbs',
        vim.tbl_contains(labels, 'read') and vim.tbl_contains(labels, 'exec-map') and not vim.tbl_contains(labels, 'lookup'),
        table.concat(labels, ','))
  vim.api.nvim_buf_set_lines(buf, 3, 4, false, {})
  c = req('textDocument/completion', 0, 10)
  labels = {}
  for _, it in ipairs(c and c.items or {}) do labels[#labels + 1] = it.label end
  check('completion inside extends offers the standard library',
        vim.tbl_contains(labels, 'std/base') and vim.tbl_contains(labels, 'std/dev/git'), table.concat(labels, ','))

  -- go to definition: the extends string opens std/base.buckle
  local def = req('textDocument/definition', 0, 12)
  local loc = def and (def[1] or def)
  check('definition of an extends string is the base file',
        loc and loc.uri and loc.uri:match('/std/base%.buckle$'), vim.inspect(def))

  -- formatting through fmt
  vim.api.nvim_buf_set_lines(buf, 2, 3, false, { 'allow    read "/usr/local" ;' })
  vim.lsp.buf.formatting_sync(nil, 10000)
  local l = vim.api.nvim_buf_get_lines(buf, 2, 3, false)[1]
  check('formatting applies buckle fmt', l == '    allow read "/usr/local";', l)

  -- go to definition: a rule the base also has leads to the base's copy
  vim.api.nvim_buf_set_lines(buf, 2, 3, false, { '    allow read "/usr/lib";' })
  def = req('textDocument/definition', 2, 16)
  loc = def and def[1]
  check('definition of an inherited rule is its origin in the base',
        loc and loc.uri:match('/std/base%.buckle$') and loc.range.start.line == 9, vim.inspect(def))

  -- typing leaves the buffer broken for a moment (an unclosed string below
  -- the rules): the syntax error is shown, and the findings and hover of the
  -- last version without errors stay; once fixed, all is fresh again
  local kpath = work .. '/kept.buckle'
  write(kpath, table.concat({
    'files {',
    '    allow read "/usr/local";',
    '}',
    'mach {',
    '    allow lookup "com.apple.SystemConfiguration.configd";',
    '}',
    '',
  }, '\n'))
  vim.cmd('edit ' .. kpath)
  local kbuf = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(kbuf, client)
  local function kcodes()
    local r = {}
    for _, x in ipairs(vim.diagnostic.get(kbuf)) do r[#r + 1] = x.code .. '@' .. x.lnum .. ':' .. x.col end
    return r
  end
  local function khas(code)
    for _, x in ipairs(vim.diagnostic.get(kbuf)) do if x.code == code then return x end end
  end
  vim.wait(10000, function() return khas('BK3002') ~= nil end, 20)
  check('the configd finding arrives', khas('BK3002') ~= nil, table.concat(kcodes(), ','))
  vim.api.nvim_buf_set_lines(kbuf, 6, 6, false, { 'files {', '    allow read "/x' })
  vim.wait(10000, function() return khas('BK1001') ~= nil end, 20)
  local se = khas('BK1001')
  check('an unclosed string is a syntax error at its place', se and se.lnum == 7, table.concat(kcodes(), ','))
  local kept = khas('BK3002')
  check('the finding above it stays, on its line', kept and kept.lnum == 4 and kept.col == 17, table.concat(kcodes(), ','))
  check('... saying it is kept', kept and kept.message:find('kept from the last version without errors', 1, true) ~= nil,
        kept and kept.message)
  local kp = { textDocument = { uri = vim.uri_from_bufnr(kbuf) }, position = { line = 1, character = 20 } }
  local kr = vim.lsp.buf_request_sync(kbuf, 'textDocument/hover', kp, 10000)
  local kh = kr and kr[client] and kr[client].result
  check('hover on a rule above the error still decides',
        kh and kh.contents.value:find('**allow** by `allow files read subpath "/usr/local"` at', 1, true), vim.inspect(kh))
  -- a line added above: the kept finding moves down with its text
  vim.api.nvim_buf_set_lines(kbuf, 0, 0, false, { '# a comment' })
  vim.wait(10000, function() local x = khas('BK3002'); return x ~= nil and x.lnum == 5 end, 20)
  kept = khas('BK3002')
  check('a line added above moves the kept finding', kept and kept.lnum == 5, table.concat(kcodes(), ','))
  -- fixed: no error, a fresh finding
  vim.api.nvim_buf_set_lines(kbuf, 8, 9, false, { '    allow read "/x";', '}' })
  vim.wait(10000, function()
    local x = khas('BK3002')
    return khas('BK1001') == nil and x ~= nil and not x.message:find('kept from', 1, true)
  end, 20)
  kept = khas('BK3002')
  check('fixed, the error goes', khas('BK1001') == nil, table.concat(kcodes(), ','))
  check('... and the finding is fresh', kept and kept.lnum == 5 and not kept.message:find('kept from', 1, true),
        kept and kept.message)

  vim.lsp.stop_client(client)
end

local ok, err = pcall(run)
if not ok then fail('the test script', err) end
out:close()
vim.cmd('qall!')
