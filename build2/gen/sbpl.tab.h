/* A Bison parser, made by GNU Bison 3.8.2.  */

/* Bison interface for Yacc-like parsers in C

   Copyright (C) 1984, 1989-1990, 2000-2015, 2018-2021 Free Software Foundation,
   Inc.

   This program is free software: you can redistribute it and/or modify
   it under the terms of the GNU General Public License as published by
   the Free Software Foundation, either version 3 of the License, or
   (at your option) any later version.

   This program is distributed in the hope that it will be useful,
   but WITHOUT ANY WARRANTY; without even the implied warranty of
   MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
   GNU General Public License for more details.

   You should have received a copy of the GNU General Public License
   along with this program.  If not, see <https://www.gnu.org/licenses/>.  */

/* As a special exception, you may create a larger work that contains
   part or all of the Bison parser skeleton and distribute that work
   under terms of your choice, so long as that work isn't itself a
   parser generator using the skeleton or a modified version thereof
   as a parser skeleton.  Alternatively, if you modify or redistribute
   the parser skeleton itself, you may (at your option) remove this
   special exception, which will cause the skeleton and the resulting
   Bison output files to be licensed under the GNU General Public
   License without this special exception.

   This special exception was added by the Free Software Foundation in
   version 2.2 of Bison.  */

/* DO NOT RELY ON FEATURES THAT ARE NOT DOCUMENTED in the manual,
   especially those whose name start with YY_ or yy_.  They are
   private implementation details that can be changed or removed.  */

#ifndef YY_SX_BUILD2_GEN_SBPL_TAB_H_INCLUDED
# define YY_SX_BUILD2_GEN_SBPL_TAB_H_INCLUDED
/* Debug traces.  */
#ifndef SXDEBUG
# if defined YYDEBUG
#if YYDEBUG
#   define SXDEBUG 1
#  else
#   define SXDEBUG 0
#  endif
# else /* ! defined YYDEBUG */
#  define SXDEBUG 0
# endif /* ! defined YYDEBUG */
#endif  /* ! defined SXDEBUG */
#if SXDEBUG
extern int sxdebug;
#endif
/* "%code requires" blocks.  */
#line 12 "grammar/sbpl.y"

#include "sbpl_ctx.h"

#line 61 "build2/gen/sbpl.tab.h"

/* Token kinds.  */
#ifndef SXTOKENTYPE
# define SXTOKENTYPE
  enum sxtokentype
  {
    SXEMPTY = -2,
    SXEOF = 0,                     /* "end of file"  */
    SXerror = 256,                 /* error  */
    SXUNDEF = 257,                 /* "invalid token"  */
    ATOM = 258,                    /* "atom"  */
    QUOTE = 259                    /* "quote"  */
  };
  typedef enum sxtokentype sxtoken_kind_t;
#endif

/* Value type.  */
#if ! defined SXSTYPE && ! defined SXSTYPE_IS_DECLARED
union SXSTYPE
{
#line 41 "grammar/sbpl.y"

    sexp *x;
    struct { sexp *head, *tail; } seq;

#line 87 "build2/gen/sbpl.tab.h"

};
typedef union SXSTYPE SXSTYPE;
# define SXSTYPE_IS_TRIVIAL 1
# define SXSTYPE_IS_DECLARED 1
#endif

/* Location type.  */
typedef buckle_loc SXLTYPE;




int sxparse (void *scanner, sbpl_ctx *sc);


#endif /* !YY_SX_BUILD2_GEN_SBPL_TAB_H_INCLUDED  */
