" vim_quickfix.vim - the ftplugin's 'errorformat' reads `buckle lint
" --format gcc` output ($LINT_OUT) into the quickfix list, and :make runs
" `buckle lint` through 'makeprg' ($BUCKLE as g:buckle_program) on the
" profile ($PROFILE).  Writes one line per valid entry to $QF_OUT:
" "cgetfile|LNUM|COL|TYPE|TEXT" and "make|LNUM|COL|TYPE|TEXT".
let g:buckle_program = $BUCKLE
execute 'silent edit ' . fnameescape($PROFILE)
let s:lines = ['filetype|' . &filetype]
execute 'silent cgetfile ' . fnameescape($LINT_OUT)
for s:e in getqflist()
  if s:e.valid
    call add(s:lines, 'cgetfile|' . s:e.lnum . '|' . s:e.col . '|' . s:e.type . '|' . s:e.text . '|' . bufname(s:e.bufnr))
  endif
endfor
call setqflist([], 'r')
silent make
for s:e in getqflist()
  if s:e.valid
    call add(s:lines, 'make|' . s:e.lnum . '|' . s:e.col . '|' . s:e.type . '|' . s:e.text . '|' . bufname(s:e.bufnr))
  endif
endfor
call writefile(s:lines, $QF_OUT)
qall!
