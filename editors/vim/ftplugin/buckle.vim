" Vim filetype plugin for buckle profiles (*.buckle).
" :make runs `buckle lint --format gcc` on the current file and fills the
" quickfix list (errors, warnings, info and style findings, and their notes).
if exists('b:did_ftplugin')
  finish
endif
let b:did_ftplugin = 1

setlocal comments=:# commentstring=#\ %s
setlocal iskeyword=@,48-57,_,-
setlocal expandtab shiftwidth=4 softtabstop=4

" the program: g:buckle_program, else `buckle` on PATH
let &l:makeprg = get(g:, 'buckle_program', 'buckle') . ' lint --format gcc %:S'
" FILE:LINE:COL: SEVERITY: MESSAGE [CODE]; a note without a place
" ("buckle: note: ...") and anything else is not an entry
setlocal errorformat=%f:%l:%c:\ %trror:\ %m,%f:%l:%c:\ %tarning:\ %m,%f:%l:%c:\ %tnfo:\ %m,%f:%l:%c:\ %tote:\ %m,%f:%l:%c:\ style:\ %m,%-G%.%#

let b:undo_ftplugin = 'setlocal comments< commentstring< iskeyword< expandtab< shiftwidth< softtabstop< makeprg< errorformat<'
