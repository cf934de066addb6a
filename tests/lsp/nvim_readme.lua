-- nvim_readme.lua - the README's Neovim configuration, as written, with
-- Neovim's own start-up (init.lua from XDG_CONFIG_HOME): opening a profile
-- with an error starts buckle lsp and shows the diagnostic; K hovers.
-- Run by tests/lsp/nvim.sh with RESULTS and WORK set.
local results, work = os.getenv('RESULTS'), os.getenv('WORK')
local out = assert(io.open(results, 'a'))
local function check(name, ok, why)
  out:write((ok and 'PASS' or 'FAIL') .. ' nvim README config: ' .. name .. (ok and '' or (': ' .. tostring(why):gsub('\n', ' '))) .. '\n')
end
local ok, err = pcall(function()
  local path = work .. '/readme.buckle'
  local f = assert(io.open(path, 'w'))
  f:write('mach {\n    allow lokup "com.apple.logd";\n}\n')
  f:close()
  vim.cmd('edit ' .. path)
  local buf = vim.api.nvim_get_current_buf()
  check('the filetype is buckle', vim.bo[buf].filetype == 'buckle', vim.bo[buf].filetype)
  vim.wait(10000, function() return #vim.diagnostic.get(buf) > 0 end, 20)
  local d = vim.diagnostic.get(buf)[1]
  check('the diagnostic shows', d and d.code == 'BK2006' and d.lnum == 1 and d.col == 10, vim.inspect(d))
  check('K is mapped to hover', vim.fn.maparg('K', 'n') ~= '', vim.fn.maparg('K', 'n'))
  check('omnifunc completes with the server', vim.bo[buf].omnifunc == 'v:lua.vim.lsp.omnifunc', vim.bo[buf].omnifunc)
  -- an .sb file gets the server's diagnostics too
  local sb = work .. '/readme.sb'
  f = assert(io.open(sb, 'w'))
  f:write('(version 1)\n(deny default)\n(allow file-read-dta (subpath "/usr"))\n')
  f:close()
  vim.cmd('edit ' .. sb)
  local sbuf = vim.api.nvim_get_current_buf()
  check('an .sb file has the filetype sbpl', vim.bo[sbuf].filetype == 'sbpl', vim.bo[sbuf].filetype)
  local function on_line_3()
    for _, d in ipairs(vim.diagnostic.get(sbuf)) do if d.lnum == 2 then return d end end
  end
  vim.wait(10000, function() return on_line_3() ~= nil end, 20)
  check('an .sb file gets diagnostics', on_line_3() ~= nil, vim.inspect(vim.diagnostic.get(sbuf)))
end)
if not ok then check('the script', false, err) end
out:close()
vim.cmd('qall!')
