" Vim syntax file for buckle profiles (*.buckle).
if exists('b:current_syntax')
  finish
endif

syn case match
syn sync fromstart
" words as the scanner reads them: a trailing * belongs to the word (read*)
syn iskeyword @,48-57,_,-,*

" -- comments; a suppression: # buckle: ignore[BK3002, slug] -- reason
syn match   buckleComment      /#.*$/ contains=@Spell
syn match   buckleSuppress     /#[ \t]*buckle:.*$/ contains=buckleSuppressKw,buckleSuppressList
syn match   buckleSuppressKw   /buckle:/ contained
syn match   buckleSuppressKw   /\%(file-\)\=ignore\ze\[/ contained
syn region  buckleSuppressList matchgroup=buckleSuppressPunct start=/\[/ end=/\]\|$/ oneline contained contains=buckleLintSlug,buckleLintCode
syn match   buckleLintSlug     /[A-Za-z][A-Za-z0-9_-]*/ contained
syn match   buckleLintCode     /BK\d\{4}\%([A-Za-z0-9_-]\)\@!/ contained

" -- keywords
syn keyword buckleKwControl    extends default remove final sbpl test
syn keyword buckleKwParam      param nextgroup=buckleParamName skipwhite skipnl skipempty
syn keyword buckleKwPlatform   platform nextgroup=bucklePlatformName skipwhite skipnl skipempty
syn keyword buckleKwExpect     expect nextgroup=buckleExpAction skipwhite skipnl skipempty
syn keyword buckleAction       allow deny nextgroup=buckleKwFinal,buckleVerb skipwhite skipnl skipempty
syn keyword buckleKwFinal      final contained nextgroup=buckleVerb skipwhite skipnl skipempty
syn keyword buckleExpAction    allow deny contained nextgroup=buckleExpSection skipwhite skipnl skipempty
syn keyword buckleExpSection   files mach sysctl network process ipc iokit misc contained nextgroup=buckleVerb skipwhite skipnl skipempty
syn keyword buckleSection      files mach sysctl network process ipc iokit misc
syn keyword buckleMatcher      subpath literal prefix glob regex name local target class registry-class
syn keyword buckleModifier     report no-report message

" the verb after an action, and a parameter's name: a word that is not a keyword
let s:kw = 'extends|param|default|remove|final|sbpl|test|expect|platform|allow|deny|files|mach|sysctl|network|process|ipc|iokit|misc|'
      \ . 'subpath|literal|prefix|glob|regex|name|local|target|class|registry-class|report|no-report|message'
exe 'syn match buckleVerb      /\v%(<%(' . s:kw . ')>)@![A-Za-z_][A-Za-z0-9_-]*\*?/ contained'
exe 'syn match buckleParamName /\v%(<%(' . s:kw . ')>)@![A-Za-z_][A-Za-z0-9_-]*\*?/ contained'
exe 'syn match bucklePlatformName /\v%(<%(' . s:kw . ')>)@![A-Za-z_][A-Za-z0-9_-]*\*?/ contained'
unlet s:kw

syn match   buckleNumber       /\<\d\+/

" -- strings: a path starts with /, ~ or a parameter; escapes \\ \" \n \t \xHH
syn region  buckleString       start=/"/ skip=/\\\\\|\\"/ end=/"\|$/ contains=buckleBadEscape,buckleEscape,buckleParamRef,buckleDollar
syn region  bucklePath         start=/"\ze[/~$]/ skip=/\\\\\|\\"/ end=/"\|$/ contains=buckleHome,buckleBadEscape,buckleEscape,buckleParamRef,buckleDollar
syn region  buckleSbpl         start=/"""/ end=/"""/ contains=@Spell
syn match   buckleHome         /\%("\)\@<=\~\%(\/\|"\|$\)\@=/ contained
syn match   buckleBadEscape    /\\.\=/ contained
syn match   buckleEscape       /\\\%([\\"nt]\|x\x\x\)/ contained
syn match   buckleParamRef     /\$\%({[^}"\\]*}\|[A-Za-z_][A-Za-z0-9_]*\)/ contained
syn match   buckleDollar       /\$\$/ contained

hi def link buckleComment      Comment
hi def link buckleSuppress     SpecialComment
hi def link buckleSuppressKw   PreProc
hi def link buckleSuppressPunct SpecialComment
hi def link buckleLintCode     Constant
hi def link buckleLintSlug     Constant
hi def link buckleKwControl    Keyword
hi def link buckleKwParam      Keyword
hi def link buckleKwPlatform   Keyword
hi def link bucklePlatformName Type
hi def link buckleKwExpect     Keyword
hi def link buckleKwFinal      StorageClass
hi def link buckleAction       Statement
hi def link buckleExpAction    Statement
hi def link buckleSection      Structure
hi def link buckleExpSection   Structure
hi def link buckleMatcher      Type
hi def link buckleModifier     StorageClass
hi def link buckleVerb         Function
hi def link buckleParamName    Identifier
hi def link buckleNumber       Number
hi def link buckleString       String
hi def link bucklePath         String
hi def link buckleSbpl         String
hi def link buckleHome         Special
hi def link buckleEscape       SpecialChar
hi def link buckleBadEscape    Error
hi def link buckleParamRef     Identifier
hi def link buckleDollar       SpecialChar

let b:current_syntax = 'buckle'
