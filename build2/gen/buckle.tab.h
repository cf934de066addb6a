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

#ifndef YY_BK_BUILD2_GEN_BUCKLE_TAB_H_INCLUDED
# define YY_BK_BUILD2_GEN_BUCKLE_TAB_H_INCLUDED
/* Debug traces.  */
#ifndef BKDEBUG
# if defined YYDEBUG
#if YYDEBUG
#   define BKDEBUG 1
#  else
#   define BKDEBUG 0
#  endif
# else /* ! defined YYDEBUG */
#  define BKDEBUG 0
# endif /* ! defined YYDEBUG */
#endif  /* ! defined BKDEBUG */
#if BKDEBUG
extern int bkdebug;
#endif
/* "%code requires" blocks.  */
#line 12 "grammar/buckle.y"

#include "parse_ctx.h"

#line 61 "build2/gen/buckle.tab.h"

/* Token kinds.  */
#ifndef BKTOKENTYPE
# define BKTOKENTYPE
  enum bktokentype
  {
    BKEMPTY = -2,
    BKEOF = 0,                     /* "end of file"  */
    BKerror = 256,                 /* error  */
    BKUNDEF = 257,                 /* "invalid token"  */
    EXTENDS = 258,                 /* "extends"  */
    PARAM = 259,                   /* "param"  */
    DEFAULT = 260,                 /* "default"  */
    ALLOW = 261,                   /* "allow"  */
    DENY = 262,                    /* "deny"  */
    FINAL = 263,                   /* "final"  */
    REMOVE = 264,                  /* "remove"  */
    PLATFORM = 265,                /* "platform"  */
    FILES = 266,                   /* "files"  */
    MACH = 267,                    /* "mach"  */
    SYSCTL = 268,                  /* "sysctl"  */
    NETWORK = 269,                 /* "network"  */
    PROCESS = 270,                 /* "process"  */
    IPC = 271,                     /* "ipc"  */
    IOKIT = 272,                   /* "iokit"  */
    MISC = 273,                    /* "misc"  */
    SBPL = 274,                    /* "sbpl"  */
    TEST = 275,                    /* "test"  */
    EXPECT = 276,                  /* "expect"  */
    SUBPATH = 277,                 /* "subpath"  */
    LITERAL = 278,                 /* "literal"  */
    PREFIX = 279,                  /* "prefix"  */
    GLOB = 280,                    /* "glob"  */
    REGEX = 281,                   /* "regex"  */
    NAME = 282,                    /* "name"  */
    LOCAL = 283,                   /* "local"  */
    TARGET = 284,                  /* "target"  */
    CLASS = 285,                   /* "class"  */
    REGISTRY_CLASS = 286,          /* "registry-class"  */
    REPORT = 287,                  /* "report"  */
    NO_REPORT = 288,               /* "no-report"  */
    MESSAGE = 289,                 /* "message"  */
    IDENT = 290,                   /* "identifier"  */
    STRING = 291,                  /* "string"  */
    TSTRING = 292,                 /* "\"\"\" string"  */
    INT = 293                      /* "number"  */
  };
  typedef enum bktokentype bktoken_kind_t;
#endif

/* Value type.  */
#if ! defined BKSTYPE && ! defined BKSTYPE_IS_DECLARED
union BKSTYPE
{
#line 50 "grammar/buckle.y"

    long num;
    const char *id;
    ast_str *str;       /* in the arena */
    long act;           /* action_t */
    long sec;           /* section_t */
    const char *kw;
    ast_matcher *m;
    ast_modifier *mod;
    ast_rule *rule;
    ast_extends *ext;

#line 129 "build2/gen/buckle.tab.h"

};
typedef union BKSTYPE BKSTYPE;
# define BKSTYPE_IS_TRIVIAL 1
# define BKSTYPE_IS_DECLARED 1
#endif

/* Location type.  */
typedef buckle_loc BKLTYPE;




int bkparse (void *scanner, parse_ctx *pc);


#endif /* !YY_BK_BUILD2_GEN_BUCKLE_TAB_H_INCLUDED  */
