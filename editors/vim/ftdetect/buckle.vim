" buckle profiles: *.buckle
autocmd BufRead,BufNewFile *.buckle setfiletype buckle
