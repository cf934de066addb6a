" vim_syntax.vim - checks editors/vim in a real Vim: every file listed in
" $VIM_CHECKS (written by textmate.test.js from the independent classifier)
" is opened, must be detected as filetype buckle, and the syntax group at the
" first and last character of each token must match the class's pattern.
" Writes "PASS name" / "FAIL name: why" lines to $VIM_RESULTS.
let s:out = []
let s:all = json_decode(join(readfile($VIM_CHECKS), "\n"))
for s:f in s:all
  execute 'silent edit ' . fnameescape(s:f.file)
  let s:bad = []
  if &filetype !=# 'buckle'
    call add(s:bad, 'filetype is "' . &filetype . '"')
  endif
  for [s:l, s:c, s:re, s:cls] in s:f.checks
    let s:name = synIDattr(synID(s:l, s:c, 1), 'name')
    if s:name !~# s:re
      call add(s:bad, s:l . ':' . s:c . ' ' . s:cls . ' is "' . s:name . '", want /' . s:re . '/')
    endif
  endfor
  let s:n = 'editors: vim syntax: ' . fnamemodify(s:f.file, ':.')
  if empty(s:bad)
    call add(s:out, 'PASS ' . s:n . ' (' . len(s:f.checks) . ' positions)')
  else
    call add(s:out, 'FAIL ' . s:n . ': ' . len(s:bad) . ' positions: ' . join(s:bad[:4], ' | '))
  endif
  silent bwipeout!
endfor
call writefile(s:out, $VIM_RESULTS)
qall!
