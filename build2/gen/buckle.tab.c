/* A Bison parser, made by GNU Bison 3.8.2.  */

/* Bison implementation for Yacc-like parsers in C

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

/* C LALR(1) parser skeleton written by Richard Stallman, by
   simplifying the original so-called "semantic" parser.  */

/* DO NOT RELY ON FEATURES THAT ARE NOT DOCUMENTED in the manual,
   especially those whose name start with YY_ or yy_.  They are
   private implementation details that can be changed or removed.  */

/* All symbols defined below should begin with yy or YY, to avoid
   infringing on user name space.  This should be done even for local
   variables, as they might otherwise be expanded by user macros.
   There are some unavoidable exceptions within include files to
   define necessary library symbols; they are noted "INFRINGES ON
   USER NAME SPACE" below.  */

/* Identify Bison output, and Bison version.  */
#define YYBISON 30802

/* Bison version string.  */
#define YYBISON_VERSION "3.8.2"

/* Skeleton name.  */
#define YYSKELETON_NAME "yacc.c"

/* Pure parsers.  */
#define YYPURE 2

/* Push parsers.  */
#define YYPUSH 0

/* Pull parsers.  */
#define YYPULL 1

/* Substitute the type names.  */
#define YYSTYPE         BKSTYPE
#define YYLTYPE         BKLTYPE
/* Substitute the variable and function names.  */
#define yyparse         bkparse
#define yylex           bklex
#define yyerror         bkerror
#define yydebug         bkdebug
#define yynerrs         bknerrs


# ifndef YY_CAST
#  ifdef __cplusplus
#   define YY_CAST(Type, Val) static_cast<Type> (Val)
#   define YY_REINTERPRET_CAST(Type, Val) reinterpret_cast<Type> (Val)
#  else
#   define YY_CAST(Type, Val) ((Type) (Val))
#   define YY_REINTERPRET_CAST(Type, Val) ((Type) (Val))
#  endif
# endif
# ifndef YY_NULLPTR
#  if defined __cplusplus
#   if 201103L <= __cplusplus
#    define YY_NULLPTR nullptr
#   else
#    define YY_NULLPTR 0
#   endif
#  else
#   define YY_NULLPTR ((void*)0)
#  endif
# endif

#include "buckle.tab.h"
/* Symbol kind.  */
enum yysymbol_kind_t
{
  YYSYMBOL_YYEMPTY = -2,
  YYSYMBOL_YYEOF = 0,                      /* "end of file"  */
  YYSYMBOL_YYerror = 1,                    /* error  */
  YYSYMBOL_YYUNDEF = 2,                    /* "invalid token"  */
  YYSYMBOL_EXTENDS = 3,                    /* "extends"  */
  YYSYMBOL_PARAM = 4,                      /* "param"  */
  YYSYMBOL_DEFAULT = 5,                    /* "default"  */
  YYSYMBOL_ALLOW = 6,                      /* "allow"  */
  YYSYMBOL_DENY = 7,                       /* "deny"  */
  YYSYMBOL_FINAL = 8,                      /* "final"  */
  YYSYMBOL_REMOVE = 9,                     /* "remove"  */
  YYSYMBOL_PLATFORM = 10,                  /* "platform"  */
  YYSYMBOL_FILES = 11,                     /* "files"  */
  YYSYMBOL_MACH = 12,                      /* "mach"  */
  YYSYMBOL_SYSCTL = 13,                    /* "sysctl"  */
  YYSYMBOL_NETWORK = 14,                   /* "network"  */
  YYSYMBOL_PROCESS = 15,                   /* "process"  */
  YYSYMBOL_IPC = 16,                       /* "ipc"  */
  YYSYMBOL_IOKIT = 17,                     /* "iokit"  */
  YYSYMBOL_MISC = 18,                      /* "misc"  */
  YYSYMBOL_SBPL = 19,                      /* "sbpl"  */
  YYSYMBOL_TEST = 20,                      /* "test"  */
  YYSYMBOL_EXPECT = 21,                    /* "expect"  */
  YYSYMBOL_SUBPATH = 22,                   /* "subpath"  */
  YYSYMBOL_LITERAL = 23,                   /* "literal"  */
  YYSYMBOL_PREFIX = 24,                    /* "prefix"  */
  YYSYMBOL_GLOB = 25,                      /* "glob"  */
  YYSYMBOL_REGEX = 26,                     /* "regex"  */
  YYSYMBOL_NAME = 27,                      /* "name"  */
  YYSYMBOL_LOCAL = 28,                     /* "local"  */
  YYSYMBOL_TARGET = 29,                    /* "target"  */
  YYSYMBOL_CLASS = 30,                     /* "class"  */
  YYSYMBOL_REGISTRY_CLASS = 31,            /* "registry-class"  */
  YYSYMBOL_REPORT = 32,                    /* "report"  */
  YYSYMBOL_NO_REPORT = 33,                 /* "no-report"  */
  YYSYMBOL_MESSAGE = 34,                   /* "message"  */
  YYSYMBOL_IDENT = 35,                     /* "identifier"  */
  YYSYMBOL_STRING = 36,                    /* "string"  */
  YYSYMBOL_TSTRING = 37,                   /* "\"\"\" string"  */
  YYSYMBOL_INT = 38,                       /* "number"  */
  YYSYMBOL_39_ = 39,                       /* ';'  */
  YYSYMBOL_40_ = 40,                       /* ','  */
  YYSYMBOL_41_ = 41,                       /* '='  */
  YYSYMBOL_42_ = 42,                       /* '{'  */
  YYSYMBOL_43_ = 43,                       /* '}'  */
  YYSYMBOL_YYACCEPT = 44,                  /* $accept  */
  YYSYMBOL_file = 45,                      /* file  */
  YYSYMBOL_opt_extends = 46,               /* opt_extends  */
  YYSYMBOL_strlist = 47,                   /* strlist  */
  YYSYMBOL_stmts = 48,                     /* stmts  */
  YYSYMBOL_stmt = 49,                      /* stmt  */
  YYSYMBOL_50_1 = 50,                      /* $@1  */
  YYSYMBOL_51_2 = 51,                      /* $@2  */
  YYSYMBOL_platform_stmts = 52,            /* platform_stmts  */
  YYSYMBOL_platform_stmt = 53,             /* platform_stmt  */
  YYSYMBOL_54_3 = 54,                      /* $@3  */
  YYSYMBOL_test_name = 55,                 /* test_name  */
  YYSYMBOL_section_kw = 56,                /* section_kw  */
  YYSYMBOL_rules = 57,                     /* rules  */
  YYSYMBOL_rule_stmt = 58,                 /* rule_stmt  */
  YYSYMBOL_rule = 59,                      /* rule  */
  YYSYMBOL_action = 60,                    /* action  */
  YYSYMBOL_opt_final = 61,                 /* opt_final  */
  YYSYMBOL_matchers = 62,                  /* matchers  */
  YYSYMBOL_matcher_list = 63,              /* matcher_list  */
  YYSYMBOL_matcher = 64,                   /* matcher  */
  YYSYMBOL_kind = 65,                      /* kind  */
  YYSYMBOL_modifiers = 66,                 /* modifiers  */
  YYSYMBOL_modifier = 67,                  /* modifier  */
  YYSYMBOL_expects = 68,                   /* expects  */
  YYSYMBOL_expect = 69                     /* expect  */
};
typedef enum yysymbol_kind_t yysymbol_kind_t;



/* Unqualified %code blocks.  */
#line 16 "grammar/buckle.y"

#include "../support/suggest.h"
#include <string.h>
int bklex(BKSTYPE *lval, buckle_loc *lloc, void *scanner);
#define YYLLOC_DEFAULT(Cur, Rhs, N) do {                   \
    if (N) { (Cur).first = YYRHSLOC(Rhs, 1).first;          \
             (Cur).last = YYRHSLOC(Rhs, N).last; }          \
    else   { (Cur).first = (Cur).last = YYRHSLOC(Rhs, 0).last; } \
} while (0)
static ast_matcher *reverse_matchers(ast_matcher *m)
{
    ast_matcher *r = NULL;
    while (m) {
        ast_matcher *n = m->next;
        m->next = r;
        r = m;
        m = n;
    }
    return r;
}

static void bkerror(buckle_loc *loc, void *scanner, parse_ctx *pc, const char *msg);
static void outside_section(parse_ctx *pc, int remove, buckle_loc at);
static span S(parse_ctx *pc, buckle_loc l) { return pc_span(pc, l.first, l.last); }
static void add_stmt(parse_ctx *pc, buckle_loc l);
static ast_rule *mk_rule(parse_ctx *pc, action_t act, int final, const char *verb,
                         buckle_loc act_at, buckle_loc verb_at, ast_matcher *m, ast_modifier *mods);
static void add_rule(parse_ctx *pc, ast_rule *r, int remove, buckle_loc at);
static ast_matcher *reverse_matchers(ast_matcher *m);
static void unknown_section(parse_ctx *pc, const char *name, buckle_loc at);
static void platform_open(parse_ctx *pc, const char *name, buckle_loc at);

#line 213 "build2/gen/buckle.tab.c"

#ifdef short
# undef short
#endif

/* On compilers that do not define __PTRDIFF_MAX__ etc., make sure
   <limits.h> and (if available) <stdint.h> are included
   so that the code can choose integer types of a good width.  */

#ifndef __PTRDIFF_MAX__
# include <limits.h> /* INFRINGES ON USER NAME SPACE */
# if defined __STDC_VERSION__ && 199901 <= __STDC_VERSION__
#  include <stdint.h> /* INFRINGES ON USER NAME SPACE */
#  define YY_STDINT_H
# endif
#endif

/* Narrow types that promote to a signed type and that can represent a
   signed or unsigned integer of at least N bits.  In tables they can
   save space and decrease cache pressure.  Promoting to a signed type
   helps avoid bugs in integer arithmetic.  */

#ifdef __INT_LEAST8_MAX__
typedef __INT_LEAST8_TYPE__ yytype_int8;
#elif defined YY_STDINT_H
typedef int_least8_t yytype_int8;
#else
typedef signed char yytype_int8;
#endif

#ifdef __INT_LEAST16_MAX__
typedef __INT_LEAST16_TYPE__ yytype_int16;
#elif defined YY_STDINT_H
typedef int_least16_t yytype_int16;
#else
typedef short yytype_int16;
#endif

/* Work around bug in HP-UX 11.23, which defines these macros
   incorrectly for preprocessor constants.  This workaround can likely
   be removed in 2023, as HPE has promised support for HP-UX 11.23
   (aka HP-UX 11i v2) only through the end of 2022; see Table 2 of
   <https://h20195.www2.hpe.com/V2/getpdf.aspx/4AA4-7673ENW.pdf>.  */
#ifdef __hpux
# undef UINT_LEAST8_MAX
# undef UINT_LEAST16_MAX
# define UINT_LEAST8_MAX 255
# define UINT_LEAST16_MAX 65535
#endif

#if defined __UINT_LEAST8_MAX__ && __UINT_LEAST8_MAX__ <= __INT_MAX__
typedef __UINT_LEAST8_TYPE__ yytype_uint8;
#elif (!defined __UINT_LEAST8_MAX__ && defined YY_STDINT_H \
       && UINT_LEAST8_MAX <= INT_MAX)
typedef uint_least8_t yytype_uint8;
#elif !defined __UINT_LEAST8_MAX__ && UCHAR_MAX <= INT_MAX
typedef unsigned char yytype_uint8;
#else
typedef short yytype_uint8;
#endif

#if defined __UINT_LEAST16_MAX__ && __UINT_LEAST16_MAX__ <= __INT_MAX__
typedef __UINT_LEAST16_TYPE__ yytype_uint16;
#elif (!defined __UINT_LEAST16_MAX__ && defined YY_STDINT_H \
       && UINT_LEAST16_MAX <= INT_MAX)
typedef uint_least16_t yytype_uint16;
#elif !defined __UINT_LEAST16_MAX__ && USHRT_MAX <= INT_MAX
typedef unsigned short yytype_uint16;
#else
typedef int yytype_uint16;
#endif

#ifndef YYPTRDIFF_T
# if defined __PTRDIFF_TYPE__ && defined __PTRDIFF_MAX__
#  define YYPTRDIFF_T __PTRDIFF_TYPE__
#  define YYPTRDIFF_MAXIMUM __PTRDIFF_MAX__
# elif defined PTRDIFF_MAX
#  ifndef ptrdiff_t
#   include <stddef.h> /* INFRINGES ON USER NAME SPACE */
#  endif
#  define YYPTRDIFF_T ptrdiff_t
#  define YYPTRDIFF_MAXIMUM PTRDIFF_MAX
# else
#  define YYPTRDIFF_T long
#  define YYPTRDIFF_MAXIMUM LONG_MAX
# endif
#endif

#ifndef YYSIZE_T
# ifdef __SIZE_TYPE__
#  define YYSIZE_T __SIZE_TYPE__
# elif defined size_t
#  define YYSIZE_T size_t
# elif defined __STDC_VERSION__ && 199901 <= __STDC_VERSION__
#  include <stddef.h> /* INFRINGES ON USER NAME SPACE */
#  define YYSIZE_T size_t
# else
#  define YYSIZE_T unsigned
# endif
#endif

#define YYSIZE_MAXIMUM                                  \
  YY_CAST (YYPTRDIFF_T,                                 \
           (YYPTRDIFF_MAXIMUM < YY_CAST (YYSIZE_T, -1)  \
            ? YYPTRDIFF_MAXIMUM                         \
            : YY_CAST (YYSIZE_T, -1)))

#define YYSIZEOF(X) YY_CAST (YYPTRDIFF_T, sizeof (X))


/* Stored state numbers (used for stacks). */
typedef yytype_uint8 yy_state_t;

/* State numbers in computations.  */
typedef int yy_state_fast_t;

#ifndef YY_
# if defined YYENABLE_NLS && YYENABLE_NLS
#  if ENABLE_NLS
#   include <libintl.h> /* INFRINGES ON USER NAME SPACE */
#   define YY_(Msgid) dgettext ("bison-runtime", Msgid)
#  endif
# endif
# ifndef YY_
#  define YY_(Msgid) Msgid
# endif
#endif


#ifndef YY_ATTRIBUTE_PURE
# if defined __GNUC__ && 2 < __GNUC__ + (96 <= __GNUC_MINOR__)
#  define YY_ATTRIBUTE_PURE __attribute__ ((__pure__))
# else
#  define YY_ATTRIBUTE_PURE
# endif
#endif

#ifndef YY_ATTRIBUTE_UNUSED
# if defined __GNUC__ && 2 < __GNUC__ + (7 <= __GNUC_MINOR__)
#  define YY_ATTRIBUTE_UNUSED __attribute__ ((__unused__))
# else
#  define YY_ATTRIBUTE_UNUSED
# endif
#endif

/* Suppress unused-variable warnings by "using" E.  */
#if ! defined lint || defined __GNUC__
# define YY_USE(E) ((void) (E))
#else
# define YY_USE(E) /* empty */
#endif

/* Suppress an incorrect diagnostic about yylval being uninitialized.  */
#if defined __GNUC__ && ! defined __ICC && 406 <= __GNUC__ * 100 + __GNUC_MINOR__
# if __GNUC__ * 100 + __GNUC_MINOR__ < 407
#  define YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN                           \
    _Pragma ("GCC diagnostic push")                                     \
    _Pragma ("GCC diagnostic ignored \"-Wuninitialized\"")
# else
#  define YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN                           \
    _Pragma ("GCC diagnostic push")                                     \
    _Pragma ("GCC diagnostic ignored \"-Wuninitialized\"")              \
    _Pragma ("GCC diagnostic ignored \"-Wmaybe-uninitialized\"")
# endif
# define YY_IGNORE_MAYBE_UNINITIALIZED_END      \
    _Pragma ("GCC diagnostic pop")
#else
# define YY_INITIAL_VALUE(Value) Value
#endif
#ifndef YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN
# define YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN
# define YY_IGNORE_MAYBE_UNINITIALIZED_END
#endif
#ifndef YY_INITIAL_VALUE
# define YY_INITIAL_VALUE(Value) /* Nothing. */
#endif

#if defined __cplusplus && defined __GNUC__ && ! defined __ICC && 6 <= __GNUC__
# define YY_IGNORE_USELESS_CAST_BEGIN                          \
    _Pragma ("GCC diagnostic push")                            \
    _Pragma ("GCC diagnostic ignored \"-Wuseless-cast\"")
# define YY_IGNORE_USELESS_CAST_END            \
    _Pragma ("GCC diagnostic pop")
#endif
#ifndef YY_IGNORE_USELESS_CAST_BEGIN
# define YY_IGNORE_USELESS_CAST_BEGIN
# define YY_IGNORE_USELESS_CAST_END
#endif


#define YY_ASSERT(E) ((void) (0 && (E)))

#if 1

/* The parser invokes alloca or malloc; define the necessary symbols.  */

# ifdef YYSTACK_USE_ALLOCA
#  if YYSTACK_USE_ALLOCA
#   ifdef __GNUC__
#    define YYSTACK_ALLOC __builtin_alloca
#   elif defined __BUILTIN_VA_ARG_INCR
#    include <alloca.h> /* INFRINGES ON USER NAME SPACE */
#   elif defined _AIX
#    define YYSTACK_ALLOC __alloca
#   elif defined _MSC_VER
#    include <malloc.h> /* INFRINGES ON USER NAME SPACE */
#    define alloca _alloca
#   else
#    define YYSTACK_ALLOC alloca
#    if ! defined _ALLOCA_H && ! defined EXIT_SUCCESS
#     include <stdlib.h> /* INFRINGES ON USER NAME SPACE */
      /* Use EXIT_SUCCESS as a witness for stdlib.h.  */
#     ifndef EXIT_SUCCESS
#      define EXIT_SUCCESS 0
#     endif
#    endif
#   endif
#  endif
# endif

# ifdef YYSTACK_ALLOC
   /* Pacify GCC's 'empty if-body' warning.  */
#  define YYSTACK_FREE(Ptr) do { /* empty */; } while (0)
#  ifndef YYSTACK_ALLOC_MAXIMUM
    /* The OS might guarantee only one guard page at the bottom of the stack,
       and a page size can be as small as 4096 bytes.  So we cannot safely
       invoke alloca (N) if N exceeds 4096.  Use a slightly smaller number
       to allow for a few compiler-allocated temporary stack slots.  */
#   define YYSTACK_ALLOC_MAXIMUM 4032 /* reasonable circa 2006 */
#  endif
# else
#  define YYSTACK_ALLOC YYMALLOC
#  define YYSTACK_FREE YYFREE
#  ifndef YYSTACK_ALLOC_MAXIMUM
#   define YYSTACK_ALLOC_MAXIMUM YYSIZE_MAXIMUM
#  endif
#  if (defined __cplusplus && ! defined EXIT_SUCCESS \
       && ! ((defined YYMALLOC || defined malloc) \
             && (defined YYFREE || defined free)))
#   include <stdlib.h> /* INFRINGES ON USER NAME SPACE */
#   ifndef EXIT_SUCCESS
#    define EXIT_SUCCESS 0
#   endif
#  endif
#  ifndef YYMALLOC
#   define YYMALLOC malloc
#   if ! defined malloc && ! defined EXIT_SUCCESS
void *malloc (YYSIZE_T); /* INFRINGES ON USER NAME SPACE */
#   endif
#  endif
#  ifndef YYFREE
#   define YYFREE free
#   if ! defined free && ! defined EXIT_SUCCESS
void free (void *); /* INFRINGES ON USER NAME SPACE */
#   endif
#  endif
# endif
#endif /* 1 */

#if (! defined yyoverflow \
     && (! defined __cplusplus \
         || (defined BKLTYPE_IS_TRIVIAL && BKLTYPE_IS_TRIVIAL \
             && defined BKSTYPE_IS_TRIVIAL && BKSTYPE_IS_TRIVIAL)))

/* A type that is properly aligned for any stack member.  */
union yyalloc
{
  yy_state_t yyss_alloc;
  YYSTYPE yyvs_alloc;
  YYLTYPE yyls_alloc;
};

/* The size of the maximum gap between one aligned stack and the next.  */
# define YYSTACK_GAP_MAXIMUM (YYSIZEOF (union yyalloc) - 1)

/* The size of an array large to enough to hold all stacks, each with
   N elements.  */
# define YYSTACK_BYTES(N) \
     ((N) * (YYSIZEOF (yy_state_t) + YYSIZEOF (YYSTYPE) \
             + YYSIZEOF (YYLTYPE)) \
      + 2 * YYSTACK_GAP_MAXIMUM)

# define YYCOPY_NEEDED 1

/* Relocate STACK from its old location to the new one.  The
   local variables YYSIZE and YYSTACKSIZE give the old and new number of
   elements in the stack, and YYPTR gives the new location of the
   stack.  Advance YYPTR to a properly aligned location for the next
   stack.  */
# define YYSTACK_RELOCATE(Stack_alloc, Stack)                           \
    do                                                                  \
      {                                                                 \
        YYPTRDIFF_T yynewbytes;                                         \
        YYCOPY (&yyptr->Stack_alloc, Stack, yysize);                    \
        Stack = &yyptr->Stack_alloc;                                    \
        yynewbytes = yystacksize * YYSIZEOF (*Stack) + YYSTACK_GAP_MAXIMUM; \
        yyptr += yynewbytes / YYSIZEOF (*yyptr);                        \
      }                                                                 \
    while (0)

#endif

#if defined YYCOPY_NEEDED && YYCOPY_NEEDED
/* Copy COUNT objects from SRC to DST.  The source and destination do
   not overlap.  */
# ifndef YYCOPY
#  if defined __GNUC__ && 1 < __GNUC__
#   define YYCOPY(Dst, Src, Count) \
      __builtin_memcpy (Dst, Src, YY_CAST (YYSIZE_T, (Count)) * sizeof (*(Src)))
#  else
#   define YYCOPY(Dst, Src, Count)              \
      do                                        \
        {                                       \
          YYPTRDIFF_T yyi;                      \
          for (yyi = 0; yyi < (Count); yyi++)   \
            (Dst)[yyi] = (Src)[yyi];            \
        }                                       \
      while (0)
#  endif
# endif
#endif /* !YYCOPY_NEEDED */

/* YYFINAL -- State number of the termination state.  */
#define YYFINAL  6
/* YYLAST -- Last index in YYTABLE.  */
#define YYLAST   154

/* YYNTOKENS -- Number of terminals.  */
#define YYNTOKENS  44
/* YYNNTS -- Number of nonterminals.  */
#define YYNNTS  26
/* YYNRULES -- Number of rules.  */
#define YYNRULES  84
/* YYNSTATES -- Number of states.  */
#define YYNSTATES  141

/* YYMAXUTOK -- Last valid token kind.  */
#define YYMAXUTOK   293


/* YYTRANSLATE(TOKEN-NUM) -- Symbol number corresponding to TOKEN-NUM
   as returned by yylex, with out-of-bounds checking.  */
#define YYTRANSLATE(YYX)                                \
  (0 <= (YYX) && (YYX) <= YYMAXUTOK                     \
   ? YY_CAST (yysymbol_kind_t, yytranslate[YYX])        \
   : YYSYMBOL_YYUNDEF)

/* YYTRANSLATE[TOKEN-NUM] -- Symbol number corresponding to TOKEN-NUM
   as returned by yylex.  */
static const yytype_int8 yytranslate[] =
{
       0,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,    40,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,    39,
       2,    41,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,    42,     2,    43,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     1,     2,     3,     4,
       5,     6,     7,     8,     9,    10,    11,    12,    13,    14,
      15,    16,    17,    18,    19,    20,    21,    22,    23,    24,
      25,    26,    27,    28,    29,    30,    31,    32,    33,    34,
      35,    36,    37,    38
};

#if BKDEBUG
/* YYRLINE[YYN] -- Source line where rule number YYN was defined.  */
static const yytype_int16 yyrline[] =
{
       0,    91,    91,    95,    96,   101,   102,   106,   107,   111,
     114,   118,   124,   127,   130,   129,   133,   132,   136,   141,
     154,   156,   158,   160,   162,   164,   166,   174,   175,   179,
     181,   183,   186,   185,   188,   190,   192,   194,   199,   203,
     210,   210,   211,   211,   212,   212,   213,   213,   217,   218,
     222,   224,   226,   228,   233,   238,   239,   243,   244,   248,
     249,   255,   256,   260,   262,   264,   269,   269,   269,   270,
     270,   270,   271,   271,   271,   272,   276,   277,   281,   282,
     283,   288,   289,   293,   299
};
#endif

/** Accessing symbol of state STATE.  */
#define YY_ACCESSING_SYMBOL(State) YY_CAST (yysymbol_kind_t, yystos[State])

#if 1
/* The user-facing name of the symbol whose (internal) number is
   YYSYMBOL.  No bounds checking.  */
static const char *yysymbol_name (yysymbol_kind_t yysymbol) YY_ATTRIBUTE_UNUSED;

static const char *
yysymbol_name (yysymbol_kind_t yysymbol)
{
  static const char *const yy_sname[] =
  {
  "end of file", "error", "invalid token", "extends", "param", "default",
  "allow", "deny", "final", "remove", "platform", "files", "mach",
  "sysctl", "network", "process", "ipc", "iokit", "misc", "sbpl", "test",
  "expect", "subpath", "literal", "prefix", "glob", "regex", "name",
  "local", "target", "class", "registry-class", "report", "no-report",
  "message", "identifier", "string", "\"\"\" string", "number", "';'",
  "','", "'='", "'{'", "'}'", "$accept", "file", "opt_extends", "strlist",
  "stmts", "stmt", "$@1", "$@2", "platform_stmts", "platform_stmt", "$@3",
  "test_name", "section_kw", "rules", "rule_stmt", "rule", "action",
  "opt_final", "matchers", "matcher_list", "matcher", "kind", "modifiers",
  "modifier", "expects", "expect", YY_NULLPTR
  };
  return yy_sname[yysymbol];
}
#endif

#define YYPACT_NINF (-63)

#define yypact_value_is_default(Yyn) \
  ((Yyn) == YYPACT_NINF)

#define YYTABLE_NINF (-3)

#define yytable_value_is_error(Yyn) \
  0

/* YYPACT[STATE-NUM] -- Index in YYTABLE of the portion describing
   STATE-NUM.  */
static const yytype_int8 yypact[] =
{
       8,     0,    37,   -63,     2,     9,   -63,    90,     0,   -63,
     -36,    16,    -1,   -63,   -63,    -1,    44,   -63,   -63,   -63,
     -63,   -63,   -63,   -63,   -63,    24,    27,   -63,   -63,    30,
      53,    61,   -63,   -63,   -63,    35,    54,    73,   -63,    36,
      74,   -63,    82,    84,   -63,   -63,   -63,    94,   -63,    91,
     -63,   -63,    88,    93,   -63,   -63,   -63,    21,    92,    23,
     -63,   -63,    12,    25,    95,    -1,   -63,   -63,    96,    97,
     -63,   -63,   -63,   -63,   -63,   -63,   -63,   -63,   -63,   -63,
     -63,    33,    98,   -63,   100,   -63,   -63,     3,    11,    -1,
     -63,   -63,   -63,   -63,   101,   -63,   -63,   -63,   -63,   103,
     -63,    33,    92,   -63,    14,    -1,    27,   -63,   -63,   -63,
      89,   102,   -63,   -63,    71,   -63,   -63,   -63,   -63,   -63,
     -63,   104,   105,   106,   -63,   -63,   107,   -63,   -63,   -63,
      34,   108,    28,    38,   -63,   110,    17,   -63,   -63,   -63,
     -63
};

/* YYDEFACT[STATE-NUM] -- Default reduction number in state STATE-NUM.
   Performed when YYTABLE does not specify something else to do.  Zero
   means the default is an error.  */
static const yytype_int8 yydefact[] =
{
       3,     0,     0,     7,     5,     0,     1,     0,     0,     4,
      26,     0,     0,    55,    56,     0,     0,    40,    41,    42,
      43,    44,    45,    46,    47,     0,    38,    14,     8,     0,
       0,    57,     6,    24,    25,     0,     0,     0,    16,     0,
       0,    39,     0,     0,    48,    23,    58,     0,     9,     0,
      12,    22,     0,     0,    18,    81,    48,     0,    59,     0,
      27,    19,     0,     0,    53,     0,    13,    49,     0,     0,
      66,    67,    68,    69,    70,    71,    72,    73,    74,    75,
      63,    76,    60,    61,     0,    11,    10,     0,     0,     0,
      20,    82,    15,    52,     0,    50,    65,    78,    79,     0,
      54,    76,     0,    64,     0,     0,    38,    32,    17,    28,
       0,     0,    84,    21,     0,    51,    80,    77,    62,    36,
      37,     0,     0,     0,    48,    35,     0,    34,    81,    48,
       0,     0,     0,     0,    29,     0,     0,    30,    33,    83,
      31
};

/* YYPGOTO[NTERM-NUM].  */
static const yytype_int16 yypgoto[] =
{
     -63,   -63,   -63,   129,   -63,   -63,   -63,   -63,   -63,   -63,
     -63,    39,   -62,   -54,   -63,    -7,   -11,   -63,   -63,   -63,
      48,   -63,    45,   -63,    26,   -63
};

/* YYDEFGOTO[NTERM-NUM].  */
static const yytype_int8 yydefgoto[] =
{
       0,     2,     3,     5,     7,    28,    43,    52,    87,   109,
     123,    42,    29,    57,    67,    68,    31,    47,    81,    82,
      83,    84,   100,   101,    62,    91
};

/* YYTABLE[YYPACT[STATE-NUM]] -- What to do in state STATE-NUM.  If
   positive, shift that token.  If negative, reduce the rule whose
   number is the opposite.  If YYTABLE_NINF, syntax error.  */
static const yytype_int16 yytable[] =
{
      30,    36,    63,    33,   104,    13,    14,    34,    37,    13,
      14,     1,   105,    88,    17,    18,    19,    20,    21,    22,
      23,    24,    64,   106,    85,   110,    64,    13,    14,   136,
      65,    13,    14,    89,    65,    64,     4,     6,   107,    64,
      13,    14,     8,    65,    13,    14,   108,    65,     9,    89,
     112,    35,   126,   119,   113,    90,   112,   120,    94,    39,
     140,    40,    86,    41,    66,    97,    98,    99,    92,    46,
     130,   137,    44,    53,    48,   133,    49,   134,   114,    38,
     111,   138,    17,    18,    19,    20,    21,    22,    23,    24,
      -2,    10,    45,    50,    11,    12,    13,    14,   121,    15,
      16,    17,    18,    19,    20,    21,    22,    23,    24,    25,
      26,    69,    51,    54,    70,    71,    72,    73,    74,    75,
      76,    77,    78,    79,    55,    27,    56,    59,    80,    58,
      60,   124,    61,    96,    93,    95,   103,    32,   102,   116,
     115,   125,   131,   127,   135,   122,   117,   128,   129,   139,
     118,     0,     0,     0,   132
};

static const yytype_int16 yycheck[] =
{
       7,    12,    56,    39,     1,     6,     7,    43,    15,     6,
       7,     3,     9,     1,    11,    12,    13,    14,    15,    16,
      17,    18,     1,    20,     1,    87,     1,     6,     7,     1,
       9,     6,     7,    21,     9,     1,    36,     0,    35,     1,
       6,     7,    40,     9,     6,     7,    43,     9,    39,    21,
      39,    35,   114,    39,    43,    43,    39,    43,    65,    35,
      43,    37,    39,    36,    43,    32,    33,    34,    43,     8,
     124,    43,    42,    37,    39,   129,    41,    43,    89,    35,
      87,    43,    11,    12,    13,    14,    15,    16,    17,    18,
       0,     1,    39,    39,     4,     5,     6,     7,   105,     9,
      10,    11,    12,    13,    14,    15,    16,    17,    18,    19,
      20,    19,    39,    39,    22,    23,    24,    25,    26,    27,
      28,    29,    30,    31,    42,    35,    42,    36,    36,    35,
      42,    42,    39,    36,    39,    39,    36,     8,    40,    36,
      39,    39,    35,    39,    36,   106,   101,    42,    42,    39,
     102,    -1,    -1,    -1,   128
};

/* YYSTOS[STATE-NUM] -- The symbol kind of the accessing symbol of
   state STATE-NUM.  */
static const yytype_int8 yystos[] =
{
       0,     3,    45,    46,    36,    47,     0,    48,    40,    39,
       1,     4,     5,     6,     7,     9,    10,    11,    12,    13,
      14,    15,    16,    17,    18,    19,    20,    35,    49,    56,
      59,    60,    47,    39,    43,    35,    60,    59,    35,    35,
      37,    36,    55,    50,    42,    39,     8,    61,    39,    41,
      39,    39,    51,    37,    39,    42,    42,    57,    35,    36,
      42,    39,    68,    57,     1,     9,    43,    58,    59,    19,
      22,    23,    24,    25,    26,    27,    28,    29,    30,    31,
      36,    62,    63,    64,    65,     1,    39,    52,     1,    21,
      43,    69,    43,    39,    59,    39,    36,    32,    33,    34,
      66,    67,    40,    36,     1,     9,    20,    35,    43,    53,
      56,    59,    39,    43,    60,    39,    36,    66,    64,    39,
      43,    59,    55,    54,    42,    39,    56,    39,    42,    42,
      57,    35,    68,    57,    43,    36,     1,    43,    43,    39,
      43
};

/* YYR1[RULE-NUM] -- Symbol kind of the left-hand side of rule RULE-NUM.  */
static const yytype_int8 yyr1[] =
{
       0,    44,    45,    46,    46,    47,    47,    48,    48,    49,
      49,    49,    49,    49,    50,    49,    51,    49,    49,    49,
      49,    49,    49,    49,    49,    49,    49,    52,    52,    53,
      53,    53,    54,    53,    53,    53,    53,    53,    55,    55,
      56,    56,    56,    56,    56,    56,    56,    56,    57,    57,
      58,    58,    58,    58,    59,    60,    60,    61,    61,    62,
      62,    63,    63,    64,    64,    64,    65,    65,    65,    65,
      65,    65,    65,    65,    65,    65,    66,    66,    67,    67,
      67,    68,    68,    69,    69
};

/* YYR2[RULE-NUM] -- Number of symbols on the right-hand side of rule RULE-NUM.  */
static const yytype_int8 yyr2[] =
{
       0,     2,     2,     0,     3,     1,     3,     0,     2,     3,
       5,     5,     3,     4,     0,     5,     0,     6,     3,     4,
       5,     6,     3,     2,     2,     2,     1,     0,     2,     4,
       5,     6,     0,     5,     3,     2,     2,     2,     0,     1,
       1,     1,     1,     1,     1,     1,     1,     1,     0,     2,
       2,     3,     2,     1,     5,     1,     1,     0,     1,     0,
       1,     1,     3,     1,     2,     2,     1,     1,     1,     1,
       1,     1,     1,     1,     1,     1,     0,     2,     1,     1,
       2,     0,     2,     6,     2
};


enum { YYENOMEM = -2 };

#define yyerrok         (yyerrstatus = 0)
#define yyclearin       (yychar = BKEMPTY)

#define YYACCEPT        goto yyacceptlab
#define YYABORT         goto yyabortlab
#define YYERROR         goto yyerrorlab
#define YYNOMEM         goto yyexhaustedlab


#define YYRECOVERING()  (!!yyerrstatus)

#define YYBACKUP(Token, Value)                                    \
  do                                                              \
    if (yychar == BKEMPTY)                                        \
      {                                                           \
        yychar = (Token);                                         \
        yylval = (Value);                                         \
        YYPOPSTACK (yylen);                                       \
        yystate = *yyssp;                                         \
        goto yybackup;                                            \
      }                                                           \
    else                                                          \
      {                                                           \
        yyerror (&yylloc, scanner, pc, YY_("syntax error: cannot back up")); \
        YYERROR;                                                  \
      }                                                           \
  while (0)

/* Backward compatibility with an undocumented macro.
   Use BKerror or BKUNDEF. */
#define YYERRCODE BKUNDEF

/* YYLLOC_DEFAULT -- Set CURRENT to span from RHS[1] to RHS[N].
   If N is 0, then set CURRENT to the empty location which ends
   the previous symbol: RHS[0] (always defined).  */

#ifndef YYLLOC_DEFAULT
# define YYLLOC_DEFAULT(Current, Rhs, N)                                \
    do                                                                  \
      if (N)                                                            \
        {                                                               \
          (Current).first_line   = YYRHSLOC (Rhs, 1).first_line;        \
          (Current).first_column = YYRHSLOC (Rhs, 1).first_column;      \
          (Current).last_line    = YYRHSLOC (Rhs, N).last_line;         \
          (Current).last_column  = YYRHSLOC (Rhs, N).last_column;       \
        }                                                               \
      else                                                              \
        {                                                               \
          (Current).first_line   = (Current).last_line   =              \
            YYRHSLOC (Rhs, 0).last_line;                                \
          (Current).first_column = (Current).last_column =              \
            YYRHSLOC (Rhs, 0).last_column;                              \
        }                                                               \
    while (0)
#endif

#define YYRHSLOC(Rhs, K) ((Rhs)[K])


/* Enable debugging if requested.  */
#if BKDEBUG

# ifndef YYFPRINTF
#  include <stdio.h> /* INFRINGES ON USER NAME SPACE */
#  define YYFPRINTF fprintf
# endif

# define YYDPRINTF(Args)                        \
do {                                            \
  if (yydebug)                                  \
    YYFPRINTF Args;                             \
} while (0)


/* YYLOCATION_PRINT -- Print the location on the stream.
   This macro was not mandated originally: define only if we know
   we won't break user code: when these are the locations we know.  */

# ifndef YYLOCATION_PRINT

#  if defined YY_LOCATION_PRINT

   /* Temporary convenience wrapper in case some people defined the
      undocumented and private YY_LOCATION_PRINT macros.  */
#   define YYLOCATION_PRINT(File, Loc)  YY_LOCATION_PRINT(File, *(Loc))

#  elif defined BKLTYPE_IS_TRIVIAL && BKLTYPE_IS_TRIVIAL

/* Print *YYLOCP on YYO.  Private, do not rely on its existence. */

YY_ATTRIBUTE_UNUSED
static int
yy_location_print_ (FILE *yyo, YYLTYPE const * const yylocp)
{
  int res = 0;
  int end_col = 0 != yylocp->last_column ? yylocp->last_column - 1 : 0;
  if (0 <= yylocp->first_line)
    {
      res += YYFPRINTF (yyo, "%d", yylocp->first_line);
      if (0 <= yylocp->first_column)
        res += YYFPRINTF (yyo, ".%d", yylocp->first_column);
    }
  if (0 <= yylocp->last_line)
    {
      if (yylocp->first_line < yylocp->last_line)
        {
          res += YYFPRINTF (yyo, "-%d", yylocp->last_line);
          if (0 <= end_col)
            res += YYFPRINTF (yyo, ".%d", end_col);
        }
      else if (0 <= end_col && yylocp->first_column < end_col)
        res += YYFPRINTF (yyo, "-%d", end_col);
    }
  return res;
}

#   define YYLOCATION_PRINT  yy_location_print_

    /* Temporary convenience wrapper in case some people defined the
       undocumented and private YY_LOCATION_PRINT macros.  */
#   define YY_LOCATION_PRINT(File, Loc)  YYLOCATION_PRINT(File, &(Loc))

#  else

#   define YYLOCATION_PRINT(File, Loc) ((void) 0)
    /* Temporary convenience wrapper in case some people defined the
       undocumented and private YY_LOCATION_PRINT macros.  */
#   define YY_LOCATION_PRINT  YYLOCATION_PRINT

#  endif
# endif /* !defined YYLOCATION_PRINT */


# define YY_SYMBOL_PRINT(Title, Kind, Value, Location)                    \
do {                                                                      \
  if (yydebug)                                                            \
    {                                                                     \
      YYFPRINTF (stderr, "%s ", Title);                                   \
      yy_symbol_print (stderr,                                            \
                  Kind, Value, Location, scanner, pc); \
      YYFPRINTF (stderr, "\n");                                           \
    }                                                                     \
} while (0)


/*-----------------------------------.
| Print this symbol's value on YYO.  |
`-----------------------------------*/

static void
yy_symbol_value_print (FILE *yyo,
                       yysymbol_kind_t yykind, YYSTYPE const * const yyvaluep, YYLTYPE const * const yylocationp, void *scanner, parse_ctx *pc)
{
  FILE *yyoutput = yyo;
  YY_USE (yyoutput);
  YY_USE (yylocationp);
  YY_USE (scanner);
  YY_USE (pc);
  if (!yyvaluep)
    return;
  YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN
  YY_USE (yykind);
  YY_IGNORE_MAYBE_UNINITIALIZED_END
}


/*---------------------------.
| Print this symbol on YYO.  |
`---------------------------*/

static void
yy_symbol_print (FILE *yyo,
                 yysymbol_kind_t yykind, YYSTYPE const * const yyvaluep, YYLTYPE const * const yylocationp, void *scanner, parse_ctx *pc)
{
  YYFPRINTF (yyo, "%s %s (",
             yykind < YYNTOKENS ? "token" : "nterm", yysymbol_name (yykind));

  YYLOCATION_PRINT (yyo, yylocationp);
  YYFPRINTF (yyo, ": ");
  yy_symbol_value_print (yyo, yykind, yyvaluep, yylocationp, scanner, pc);
  YYFPRINTF (yyo, ")");
}

/*------------------------------------------------------------------.
| yy_stack_print -- Print the state stack from its BOTTOM up to its |
| TOP (included).                                                   |
`------------------------------------------------------------------*/

static void
yy_stack_print (yy_state_t *yybottom, yy_state_t *yytop)
{
  YYFPRINTF (stderr, "Stack now");
  for (; yybottom <= yytop; yybottom++)
    {
      int yybot = *yybottom;
      YYFPRINTF (stderr, " %d", yybot);
    }
  YYFPRINTF (stderr, "\n");
}

# define YY_STACK_PRINT(Bottom, Top)                            \
do {                                                            \
  if (yydebug)                                                  \
    yy_stack_print ((Bottom), (Top));                           \
} while (0)


/*------------------------------------------------.
| Report that the YYRULE is going to be reduced.  |
`------------------------------------------------*/

static void
yy_reduce_print (yy_state_t *yyssp, YYSTYPE *yyvsp, YYLTYPE *yylsp,
                 int yyrule, void *scanner, parse_ctx *pc)
{
  int yylno = yyrline[yyrule];
  int yynrhs = yyr2[yyrule];
  int yyi;
  YYFPRINTF (stderr, "Reducing stack by rule %d (line %d):\n",
             yyrule - 1, yylno);
  /* The symbols being reduced.  */
  for (yyi = 0; yyi < yynrhs; yyi++)
    {
      YYFPRINTF (stderr, "   $%d = ", yyi + 1);
      yy_symbol_print (stderr,
                       YY_ACCESSING_SYMBOL (+yyssp[yyi + 1 - yynrhs]),
                       &yyvsp[(yyi + 1) - (yynrhs)],
                       &(yylsp[(yyi + 1) - (yynrhs)]), scanner, pc);
      YYFPRINTF (stderr, "\n");
    }
}

# define YY_REDUCE_PRINT(Rule)          \
do {                                    \
  if (yydebug)                          \
    yy_reduce_print (yyssp, yyvsp, yylsp, Rule, scanner, pc); \
} while (0)

/* Nonzero means print parse trace.  It is left uninitialized so that
   multiple parsers can coexist.  */
int yydebug;
#else /* !BKDEBUG */
# define YYDPRINTF(Args) ((void) 0)
# define YY_SYMBOL_PRINT(Title, Kind, Value, Location)
# define YY_STACK_PRINT(Bottom, Top)
# define YY_REDUCE_PRINT(Rule)
#endif /* !BKDEBUG */


/* YYINITDEPTH -- initial size of the parser's stacks.  */
#ifndef YYINITDEPTH
# define YYINITDEPTH 200
#endif

/* YYMAXDEPTH -- maximum size the stacks can grow to (effective only
   if the built-in stack extension method is used).

   Do not make this value too large; the results are undefined if
   YYSTACK_ALLOC_MAXIMUM < YYSTACK_BYTES (YYMAXDEPTH)
   evaluated with infinite-precision integer arithmetic.  */

#ifndef YYMAXDEPTH
# define YYMAXDEPTH 10000
#endif


/* Context of a parse error.  */
typedef struct
{
  yy_state_t *yyssp;
  yysymbol_kind_t yytoken;
  YYLTYPE *yylloc;
} yypcontext_t;

/* Put in YYARG at most YYARGN of the expected tokens given the
   current YYCTX, and return the number of tokens stored in YYARG.  If
   YYARG is null, return the number of expected tokens (guaranteed to
   be less than YYNTOKENS).  Return YYENOMEM on memory exhaustion.
   Return 0 if there are more than YYARGN expected tokens, yet fill
   YYARG up to YYARGN. */
static int
yypcontext_expected_tokens (const yypcontext_t *yyctx,
                            yysymbol_kind_t yyarg[], int yyargn)
{
  /* Actual size of YYARG. */
  int yycount = 0;
  int yyn = yypact[+*yyctx->yyssp];
  if (!yypact_value_is_default (yyn))
    {
      /* Start YYX at -YYN if negative to avoid negative indexes in
         YYCHECK.  In other words, skip the first -YYN actions for
         this state because they are default actions.  */
      int yyxbegin = yyn < 0 ? -yyn : 0;
      /* Stay within bounds of both yycheck and yytname.  */
      int yychecklim = YYLAST - yyn + 1;
      int yyxend = yychecklim < YYNTOKENS ? yychecklim : YYNTOKENS;
      int yyx;
      for (yyx = yyxbegin; yyx < yyxend; ++yyx)
        if (yycheck[yyx + yyn] == yyx && yyx != YYSYMBOL_YYerror
            && !yytable_value_is_error (yytable[yyx + yyn]))
          {
            if (!yyarg)
              ++yycount;
            else if (yycount == yyargn)
              return 0;
            else
              yyarg[yycount++] = YY_CAST (yysymbol_kind_t, yyx);
          }
    }
  if (yyarg && yycount == 0 && 0 < yyargn)
    yyarg[0] = YYSYMBOL_YYEMPTY;
  return yycount;
}




/* The kind of the lookahead of this context.  */
static yysymbol_kind_t
yypcontext_token (const yypcontext_t *yyctx) YY_ATTRIBUTE_UNUSED;

static yysymbol_kind_t
yypcontext_token (const yypcontext_t *yyctx)
{
  return yyctx->yytoken;
}

/* The location of the lookahead of this context.  */
static YYLTYPE *
yypcontext_location (const yypcontext_t *yyctx) YY_ATTRIBUTE_UNUSED;

static YYLTYPE *
yypcontext_location (const yypcontext_t *yyctx)
{
  return yyctx->yylloc;
}

/* User defined function to report a syntax error.  */
static int
yyreport_syntax_error (const yypcontext_t *yyctx, void *scanner, parse_ctx *pc);

/*-----------------------------------------------.
| Release the memory associated to this symbol.  |
`-----------------------------------------------*/

static void
yydestruct (const char *yymsg,
            yysymbol_kind_t yykind, YYSTYPE *yyvaluep, YYLTYPE *yylocationp, void *scanner, parse_ctx *pc)
{
  YY_USE (yyvaluep);
  YY_USE (yylocationp);
  YY_USE (scanner);
  YY_USE (pc);
  if (!yymsg)
    yymsg = "Deleting";
  YY_SYMBOL_PRINT (yymsg, yykind, yyvaluep, yylocationp);

  YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN
  switch (yykind)
    {
    case YYSYMBOL_IDENT: /* "identifier"  */
#line 65 "grammar/buckle.y"
            { (void)((*yyvaluep).id); }
#line 1169 "build2/gen/buckle.tab.c"
        break;

    case YYSYMBOL_STRING: /* "string"  */
#line 65 "grammar/buckle.y"
            { (void)((*yyvaluep).str); }
#line 1175 "build2/gen/buckle.tab.c"
        break;

    case YYSYMBOL_TSTRING: /* "\"\"\" string"  */
#line 65 "grammar/buckle.y"
            { (void)((*yyvaluep).str); }
#line 1181 "build2/gen/buckle.tab.c"
        break;

    case YYSYMBOL_INT: /* "number"  */
#line 65 "grammar/buckle.y"
            { (void)((*yyvaluep).num); }
#line 1187 "build2/gen/buckle.tab.c"
        break;

    case YYSYMBOL_strlist: /* strlist  */
#line 65 "grammar/buckle.y"
            { (void)((*yyvaluep).ext); }
#line 1193 "build2/gen/buckle.tab.c"
        break;

    case YYSYMBOL_section_kw: /* section_kw  */
#line 65 "grammar/buckle.y"
            { (void)((*yyvaluep).sec); }
#line 1199 "build2/gen/buckle.tab.c"
        break;

    case YYSYMBOL_rule: /* rule  */
#line 65 "grammar/buckle.y"
            { (void)((*yyvaluep).rule); }
#line 1205 "build2/gen/buckle.tab.c"
        break;

    case YYSYMBOL_action: /* action  */
#line 65 "grammar/buckle.y"
            { (void)((*yyvaluep).act); }
#line 1211 "build2/gen/buckle.tab.c"
        break;

    case YYSYMBOL_opt_final: /* opt_final  */
#line 65 "grammar/buckle.y"
            { (void)((*yyvaluep).num); }
#line 1217 "build2/gen/buckle.tab.c"
        break;

    case YYSYMBOL_matchers: /* matchers  */
#line 65 "grammar/buckle.y"
            { (void)((*yyvaluep).m); }
#line 1223 "build2/gen/buckle.tab.c"
        break;

    case YYSYMBOL_matcher_list: /* matcher_list  */
#line 65 "grammar/buckle.y"
            { (void)((*yyvaluep).m); }
#line 1229 "build2/gen/buckle.tab.c"
        break;

    case YYSYMBOL_matcher: /* matcher  */
#line 65 "grammar/buckle.y"
            { (void)((*yyvaluep).m); }
#line 1235 "build2/gen/buckle.tab.c"
        break;

    case YYSYMBOL_kind: /* kind  */
#line 65 "grammar/buckle.y"
            { (void)((*yyvaluep).kw); }
#line 1241 "build2/gen/buckle.tab.c"
        break;

    case YYSYMBOL_modifiers: /* modifiers  */
#line 65 "grammar/buckle.y"
            { (void)((*yyvaluep).mod); }
#line 1247 "build2/gen/buckle.tab.c"
        break;

    case YYSYMBOL_modifier: /* modifier  */
#line 65 "grammar/buckle.y"
            { (void)((*yyvaluep).mod); }
#line 1253 "build2/gen/buckle.tab.c"
        break;

      default:
        break;
    }
  YY_IGNORE_MAYBE_UNINITIALIZED_END
}






/*----------.
| yyparse.  |
`----------*/

int
yyparse (void *scanner, parse_ctx *pc)
{
/* Lookahead token kind.  */
int yychar;


/* The semantic value of the lookahead symbol.  */
/* Default value used for initialization, for pacifying older GCCs
   or non-GCC compilers.  */
YY_INITIAL_VALUE (static YYSTYPE yyval_default;)
YYSTYPE yylval YY_INITIAL_VALUE (= yyval_default);

/* Location data for the lookahead symbol.  */
static YYLTYPE yyloc_default
# if defined BKLTYPE_IS_TRIVIAL && BKLTYPE_IS_TRIVIAL
  = { 1, 1, 1, 1 }
# endif
;
YYLTYPE yylloc = yyloc_default;

    /* Number of syntax errors so far.  */
    int yynerrs = 0;

    yy_state_fast_t yystate = 0;
    /* Number of tokens to shift before error messages enabled.  */
    int yyerrstatus = 0;

    /* Refer to the stacks through separate pointers, to allow yyoverflow
       to reallocate them elsewhere.  */

    /* Their size.  */
    YYPTRDIFF_T yystacksize = YYINITDEPTH;

    /* The state stack: array, bottom, top.  */
    yy_state_t yyssa[YYINITDEPTH];
    yy_state_t *yyss = yyssa;
    yy_state_t *yyssp = yyss;

    /* The semantic value stack: array, bottom, top.  */
    YYSTYPE yyvsa[YYINITDEPTH];
    YYSTYPE *yyvs = yyvsa;
    YYSTYPE *yyvsp = yyvs;

    /* The location stack: array, bottom, top.  */
    YYLTYPE yylsa[YYINITDEPTH];
    YYLTYPE *yyls = yylsa;
    YYLTYPE *yylsp = yyls;

  int yyn;
  /* The return value of yyparse.  */
  int yyresult;
  /* Lookahead symbol kind.  */
  yysymbol_kind_t yytoken = YYSYMBOL_YYEMPTY;
  /* The variables used to return semantic value and location from the
     action routines.  */
  YYSTYPE yyval;
  YYLTYPE yyloc;

  /* The locations where the error started and ended.  */
  YYLTYPE yyerror_range[3];



#define YYPOPSTACK(N)   (yyvsp -= (N), yyssp -= (N), yylsp -= (N))

  /* The number of symbols on the RHS of the reduced rule.
     Keep to zero when no symbol should be popped.  */
  int yylen = 0;

  YYDPRINTF ((stderr, "Starting parse\n"));

  yychar = BKEMPTY; /* Cause a token to be read.  */

  yylsp[0] = yylloc;
  goto yysetstate;


/*------------------------------------------------------------.
| yynewstate -- push a new state, which is found in yystate.  |
`------------------------------------------------------------*/
yynewstate:
  /* In all cases, when you get here, the value and location stacks
     have just been pushed.  So pushing a state here evens the stacks.  */
  yyssp++;


/*--------------------------------------------------------------------.
| yysetstate -- set current state (the top of the stack) to yystate.  |
`--------------------------------------------------------------------*/
yysetstate:
  YYDPRINTF ((stderr, "Entering state %d\n", yystate));
  YY_ASSERT (0 <= yystate && yystate < YYNSTATES);
  YY_IGNORE_USELESS_CAST_BEGIN
  *yyssp = YY_CAST (yy_state_t, yystate);
  YY_IGNORE_USELESS_CAST_END
  YY_STACK_PRINT (yyss, yyssp);

  if (yyss + yystacksize - 1 <= yyssp)
#if !defined yyoverflow && !defined YYSTACK_RELOCATE
    YYNOMEM;
#else
    {
      /* Get the current used size of the three stacks, in elements.  */
      YYPTRDIFF_T yysize = yyssp - yyss + 1;

# if defined yyoverflow
      {
        /* Give user a chance to reallocate the stack.  Use copies of
           these so that the &'s don't force the real ones into
           memory.  */
        yy_state_t *yyss1 = yyss;
        YYSTYPE *yyvs1 = yyvs;
        YYLTYPE *yyls1 = yyls;

        /* Each stack pointer address is followed by the size of the
           data in use in that stack, in bytes.  This used to be a
           conditional around just the two extra args, but that might
           be undefined if yyoverflow is a macro.  */
        yyoverflow (YY_("memory exhausted"),
                    &yyss1, yysize * YYSIZEOF (*yyssp),
                    &yyvs1, yysize * YYSIZEOF (*yyvsp),
                    &yyls1, yysize * YYSIZEOF (*yylsp),
                    &yystacksize);
        yyss = yyss1;
        yyvs = yyvs1;
        yyls = yyls1;
      }
# else /* defined YYSTACK_RELOCATE */
      /* Extend the stack our own way.  */
      if (YYMAXDEPTH <= yystacksize)
        YYNOMEM;
      yystacksize *= 2;
      if (YYMAXDEPTH < yystacksize)
        yystacksize = YYMAXDEPTH;

      {
        yy_state_t *yyss1 = yyss;
        union yyalloc *yyptr =
          YY_CAST (union yyalloc *,
                   YYSTACK_ALLOC (YY_CAST (YYSIZE_T, YYSTACK_BYTES (yystacksize))));
        if (! yyptr)
          YYNOMEM;
        YYSTACK_RELOCATE (yyss_alloc, yyss);
        YYSTACK_RELOCATE (yyvs_alloc, yyvs);
        YYSTACK_RELOCATE (yyls_alloc, yyls);
#  undef YYSTACK_RELOCATE
        if (yyss1 != yyssa)
          YYSTACK_FREE (yyss1);
      }
# endif

      yyssp = yyss + yysize - 1;
      yyvsp = yyvs + yysize - 1;
      yylsp = yyls + yysize - 1;

      YY_IGNORE_USELESS_CAST_BEGIN
      YYDPRINTF ((stderr, "Stack size increased to %ld\n",
                  YY_CAST (long, yystacksize)));
      YY_IGNORE_USELESS_CAST_END

      if (yyss + yystacksize - 1 <= yyssp)
        YYABORT;
    }
#endif /* !defined yyoverflow && !defined YYSTACK_RELOCATE */


  if (yystate == YYFINAL)
    YYACCEPT;

  goto yybackup;


/*-----------.
| yybackup.  |
`-----------*/
yybackup:
  /* Do appropriate processing given the current state.  Read a
     lookahead token if we need one and don't already have one.  */

  /* First try to decide what to do without reference to lookahead token.  */
  yyn = yypact[yystate];
  if (yypact_value_is_default (yyn))
    goto yydefault;

  /* Not known => get a lookahead token if don't already have one.  */

  /* YYCHAR is either empty, or end-of-input, or a valid lookahead.  */
  if (yychar == BKEMPTY)
    {
      YYDPRINTF ((stderr, "Reading a token\n"));
      yychar = yylex (&yylval, &yylloc, scanner);
    }

  if (yychar <= BKEOF)
    {
      yychar = BKEOF;
      yytoken = YYSYMBOL_YYEOF;
      YYDPRINTF ((stderr, "Now at end of input.\n"));
    }
  else if (yychar == BKerror)
    {
      /* The scanner already issued an error message, process directly
         to error recovery.  But do not keep the error token as
         lookahead, it is too special and may lead us to an endless
         loop in error recovery. */
      yychar = BKUNDEF;
      yytoken = YYSYMBOL_YYerror;
      yyerror_range[1] = yylloc;
      goto yyerrlab1;
    }
  else
    {
      yytoken = YYTRANSLATE (yychar);
      YY_SYMBOL_PRINT ("Next token is", yytoken, &yylval, &yylloc);
    }

  /* If the proper action on seeing token YYTOKEN is to reduce or to
     detect an error, take that action.  */
  yyn += yytoken;
  if (yyn < 0 || YYLAST < yyn || yycheck[yyn] != yytoken)
    goto yydefault;
  yyn = yytable[yyn];
  if (yyn <= 0)
    {
      if (yytable_value_is_error (yyn))
        goto yyerrlab;
      yyn = -yyn;
      goto yyreduce;
    }

  /* Count tokens shifted since error; after three, turn off error
     status.  */
  if (yyerrstatus)
    yyerrstatus--;

  /* Shift the lookahead token.  */
  YY_SYMBOL_PRINT ("Shifting", yytoken, &yylval, &yylloc);
  yystate = yyn;
  YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN
  *++yyvsp = yylval;
  YY_IGNORE_MAYBE_UNINITIALIZED_END
  *++yylsp = yylloc;

  /* Discard the shifted token.  */
  yychar = BKEMPTY;
  goto yynewstate;


/*-----------------------------------------------------------.
| yydefault -- do the default action for the current state.  |
`-----------------------------------------------------------*/
yydefault:
  yyn = yydefact[yystate];
  if (yyn == 0)
    goto yyerrlab;
  goto yyreduce;


/*-----------------------------.
| yyreduce -- do a reduction.  |
`-----------------------------*/
yyreduce:
  /* yyn is the number of a rule to reduce with.  */
  yylen = yyr2[yyn];

  /* If YYLEN is nonzero, implement the default value of the action:
     '$$ = $1'.

     Otherwise, the following line sets YYVAL to garbage.
     This behavior is undocumented and Bison
     users should not rely upon it.  Assigning to YYVAL
     unconditionally makes the parser a bit smaller, and it avoids a
     GCC warning that YYVAL may be used uninitialized.  */
  yyval = yyvsp[1-yylen];

  /* Default location. */
  YYLLOC_DEFAULT (yyloc, (yylsp - yylen), yylen);
  yyerror_range[1] = yyloc;
  YY_REDUCE_PRINT (yyn);
  switch (yyn)
    {
  case 4: /* opt_extends: "extends" strlist ';'  */
#line 97 "grammar/buckle.y"
        { pc->file->extends = (yyvsp[-1].ext); pc->file->extends_at = S(pc, (yyloc)); add_stmt(pc, (yyloc)); }
#line 1556 "build2/gen/buckle.tab.c"
    break;

  case 5: /* strlist: "string"  */
#line 101 "grammar/buckle.y"
                          { (yyval.ext) = arena_alloc(pc->a, sizeof *(yyval.ext)); (yyval.ext)->name = *(yyvsp[0].str); }
#line 1562 "build2/gen/buckle.tab.c"
    break;

  case 6: /* strlist: "string" ',' strlist  */
#line 102 "grammar/buckle.y"
                          { (yyval.ext) = arena_alloc(pc->a, sizeof *(yyval.ext)); (yyval.ext)->name = *(yyvsp[-2].str); (yyval.ext)->next = (yyvsp[0].ext); }
#line 1568 "build2/gen/buckle.tab.c"
    break;

  case 9: /* stmt: "param" "identifier" ';'  */
#line 112 "grammar/buckle.y"
        { ast_param *p = arena_alloc(pc->a, sizeof *p); p->name = (yyvsp[-1].id); p->at = S(pc, (yylsp[-1]));
          p->next = pc->file->params; pc->file->params = p; add_stmt(pc, (yyloc)); }
#line 1575 "build2/gen/buckle.tab.c"
    break;

  case 10: /* stmt: "param" "identifier" '=' "string" ';'  */
#line 115 "grammar/buckle.y"
        { ast_param *p = arena_alloc(pc->a, sizeof *p); p->name = (yyvsp[-3].id); p->at = S(pc, (yylsp[-3]));
          p->has_default = 1; p->def = *(yyvsp[-1].str);
          p->next = pc->file->params; pc->file->params = p; add_stmt(pc, (yyloc)); }
#line 1583 "build2/gen/buckle.tab.c"
    break;

  case 11: /* stmt: "param" "identifier" '=' "string" error  */
#line 121 "grammar/buckle.y"
        { ast_param *p = arena_alloc(pc->a, sizeof *p); p->name = (yyvsp[-3].id); p->at = S(pc, (yylsp[-3]));
          p->has_default = 1; p->def = *(yyvsp[-1].str);
          p->next = pc->file->params; pc->file->params = p; }
#line 1591 "build2/gen/buckle.tab.c"
    break;

  case 12: /* stmt: "default" action ';'  */
#line 125 "grammar/buckle.y"
        { pc->file->has_default = 1; pc->file->default_action = (yyvsp[-1].act);
          pc->file->default_at = S(pc, (yyloc)); add_stmt(pc, (yyloc)); }
#line 1598 "build2/gen/buckle.tab.c"
    break;

  case 13: /* stmt: section_kw '{' rules '}'  */
#line 128 "grammar/buckle.y"
        { (void)(yyvsp[-3].sec); }
#line 1604 "build2/gen/buckle.tab.c"
    break;

  case 14: /* $@1: %empty  */
#line 130 "grammar/buckle.y"
        { unknown_section(pc, (yyvsp[0].id), (yylsp[0])); }
#line 1610 "build2/gen/buckle.tab.c"
    break;

  case 16: /* $@2: %empty  */
#line 133 "grammar/buckle.y"
        { platform_open(pc, (yyvsp[0].id), (yylsp[0])); }
#line 1616 "build2/gen/buckle.tab.c"
    break;

  case 17: /* stmt: "platform" "identifier" $@2 '{' platform_stmts '}'  */
#line 135 "grammar/buckle.y"
        { pc->platform = PLAT_ANY; pc->section = SEC_NONE; }
#line 1622 "build2/gen/buckle.tab.c"
    break;

  case 18: /* stmt: "sbpl" "\"\"\" string" ';'  */
#line 137 "grammar/buckle.y"
        { ast_sbpl *b = arena_alloc(pc->a, sizeof *b); b->text = *(yyvsp[-1].str); b->at = S(pc, (yyloc));
          b->text.at.start += 3;
          if (pc->file->sbpl_tail) pc->file->sbpl_tail->next = b; else pc->file->sbpl = b;
          pc->file->sbpl_tail = b; add_stmt(pc, (yyloc)); }
#line 1631 "build2/gen/buckle.tab.c"
    break;

  case 19: /* stmt: "sbpl" "identifier" "\"\"\" string" ';'  */
#line 144 "grammar/buckle.y"
        { if (strcmp((yyvsp[-2].id), "verbatim") != 0) {
              pc_syntax_error(pc, (yylsp[-2]).first, (yylsp[-2]).last, "expected \"\"\" or verbatim after sbpl");
          } else {
              ast_sbpl *b = arena_alloc(pc->a, sizeof *b); b->text = *(yyvsp[-1].str); b->at = S(pc, (yyloc));
              b->text.at.start += 3;
              b->verbatim = 1;
              if (pc->file->sbpl_tail) pc->file->sbpl_tail->next = b; else pc->file->sbpl = b;
              pc->file->sbpl_tail = b;
          }
          add_stmt(pc, (yyloc)); }
#line 1646 "build2/gen/buckle.tab.c"
    break;

  case 20: /* stmt: "test" test_name '{' expects '}'  */
#line 155 "grammar/buckle.y"
        { pc->file->tests_tail->at = S(pc, (yyloc)); }
#line 1652 "build2/gen/buckle.tab.c"
    break;

  case 21: /* stmt: "test" test_name '{' expects error '}'  */
#line 157 "grammar/buckle.y"
        { pc->file->tests_tail->at = S(pc, (yyloc)); yyerrok; }
#line 1658 "build2/gen/buckle.tab.c"
    break;

  case 22: /* stmt: "remove" rule ';'  */
#line 159 "grammar/buckle.y"
        { (void)(yyvsp[-1].rule); outside_section(pc, 1, (yyloc)); }
#line 1664 "build2/gen/buckle.tab.c"
    break;

  case 23: /* stmt: rule ';'  */
#line 161 "grammar/buckle.y"
        { (void)(yyvsp[-1].rule); outside_section(pc, 0, (yyloc)); }
#line 1670 "build2/gen/buckle.tab.c"
    break;

  case 24: /* stmt: error ';'  */
#line 163 "grammar/buckle.y"
        { yyerrok; }
#line 1676 "build2/gen/buckle.tab.c"
    break;

  case 25: /* stmt: error '}'  */
#line 165 "grammar/buckle.y"
        { yyerrok; }
#line 1682 "build2/gen/buckle.tab.c"
    break;

  case 29: /* platform_stmt: section_kw '{' rules '}'  */
#line 180 "grammar/buckle.y"
        { (void)(yyvsp[-3].sec); }
#line 1688 "build2/gen/buckle.tab.c"
    break;

  case 30: /* platform_stmt: "test" test_name '{' expects '}'  */
#line 182 "grammar/buckle.y"
        { pc->file->tests_tail->at = S(pc, (yyloc)); }
#line 1694 "build2/gen/buckle.tab.c"
    break;

  case 31: /* platform_stmt: "test" test_name '{' expects error '}'  */
#line 184 "grammar/buckle.y"
        { pc->file->tests_tail->at = S(pc, (yyloc)); yyerrok; }
#line 1700 "build2/gen/buckle.tab.c"
    break;

  case 32: /* $@3: %empty  */
#line 186 "grammar/buckle.y"
        { unknown_section(pc, (yyvsp[0].id), (yylsp[0])); }
#line 1706 "build2/gen/buckle.tab.c"
    break;

  case 34: /* platform_stmt: "remove" rule ';'  */
#line 189 "grammar/buckle.y"
        { (void)(yyvsp[-1].rule); outside_section(pc, 1, (yyloc)); }
#line 1712 "build2/gen/buckle.tab.c"
    break;

  case 35: /* platform_stmt: rule ';'  */
#line 191 "grammar/buckle.y"
        { (void)(yyvsp[-1].rule); outside_section(pc, 0, (yyloc)); }
#line 1718 "build2/gen/buckle.tab.c"
    break;

  case 36: /* platform_stmt: error ';'  */
#line 193 "grammar/buckle.y"
        { yyerrok; }
#line 1724 "build2/gen/buckle.tab.c"
    break;

  case 37: /* platform_stmt: error '}'  */
#line 195 "grammar/buckle.y"
        { yyerrok; }
#line 1730 "build2/gen/buckle.tab.c"
    break;

  case 38: /* test_name: %empty  */
#line 200 "grammar/buckle.y"
        { ast_test *t = arena_alloc(pc->a, sizeof *t); t->platform = pc->in_platform ? pc->platform : PLAT_ANY;
          if (pc->file->tests_tail) pc->file->tests_tail->next = t; else pc->file->tests = t;
          pc->file->tests_tail = t; }
#line 1738 "build2/gen/buckle.tab.c"
    break;

  case 39: /* test_name: "string"  */
#line 204 "grammar/buckle.y"
        { ast_test *t = arena_alloc(pc->a, sizeof *t); t->name = *(yyvsp[0].str); t->platform = pc->in_platform ? pc->platform : PLAT_ANY;
          if (pc->file->tests_tail) pc->file->tests_tail->next = t; else pc->file->tests = t;
          pc->file->tests_tail = t; }
#line 1746 "build2/gen/buckle.tab.c"
    break;

  case 40: /* section_kw: "files"  */
#line 210 "grammar/buckle.y"
            { (yyval.sec) = SEC_FILES; pc->section = (yyval.sec); }
#line 1752 "build2/gen/buckle.tab.c"
    break;

  case 41: /* section_kw: "mach"  */
#line 210 "grammar/buckle.y"
                                                         { (yyval.sec) = SEC_MACH; pc->section = (yyval.sec); }
#line 1758 "build2/gen/buckle.tab.c"
    break;

  case 42: /* section_kw: "sysctl"  */
#line 211 "grammar/buckle.y"
             { (yyval.sec) = SEC_SYSCTL; pc->section = (yyval.sec); }
#line 1764 "build2/gen/buckle.tab.c"
    break;

  case 43: /* section_kw: "network"  */
#line 211 "grammar/buckle.y"
                                                              { (yyval.sec) = SEC_NETWORK; pc->section = (yyval.sec); }
#line 1770 "build2/gen/buckle.tab.c"
    break;

  case 44: /* section_kw: "process"  */
#line 212 "grammar/buckle.y"
              { (yyval.sec) = SEC_PROCESS; pc->section = (yyval.sec); }
#line 1776 "build2/gen/buckle.tab.c"
    break;

  case 45: /* section_kw: "ipc"  */
#line 212 "grammar/buckle.y"
                                                            { (yyval.sec) = SEC_IPC; pc->section = (yyval.sec); }
#line 1782 "build2/gen/buckle.tab.c"
    break;

  case 46: /* section_kw: "iokit"  */
#line 213 "grammar/buckle.y"
            { (yyval.sec) = SEC_IOKIT; pc->section = (yyval.sec); }
#line 1788 "build2/gen/buckle.tab.c"
    break;

  case 47: /* section_kw: "misc"  */
#line 213 "grammar/buckle.y"
                                                         { (yyval.sec) = SEC_MISC; pc->section = (yyval.sec); }
#line 1794 "build2/gen/buckle.tab.c"
    break;

  case 50: /* rule_stmt: rule ';'  */
#line 223 "grammar/buckle.y"
        { add_rule(pc, (yyvsp[-1].rule), 0, (yyloc)); }
#line 1800 "build2/gen/buckle.tab.c"
    break;

  case 51: /* rule_stmt: "remove" rule ';'  */
#line 225 "grammar/buckle.y"
        { add_rule(pc, (yyvsp[-1].rule), 1, (yyloc)); }
#line 1806 "build2/gen/buckle.tab.c"
    break;

  case 52: /* rule_stmt: error ';'  */
#line 227 "grammar/buckle.y"
        { yyerrok; }
#line 1812 "build2/gen/buckle.tab.c"
    break;

  case 54: /* rule: action opt_final "identifier" matchers modifiers  */
#line 234 "grammar/buckle.y"
        { (yyval.rule) = mk_rule(pc, (yyvsp[-4].act), (yyvsp[-3].num), (yyvsp[-2].id), (yylsp[-4]), (yylsp[-2]), (yyvsp[-1].m), (yyvsp[0].mod)); }
#line 1818 "build2/gen/buckle.tab.c"
    break;

  case 55: /* action: "allow"  */
#line 238 "grammar/buckle.y"
            { (yyval.act) = ACT_ALLOW; }
#line 1824 "build2/gen/buckle.tab.c"
    break;

  case 56: /* action: "deny"  */
#line 239 "grammar/buckle.y"
            { (yyval.act) = ACT_DENY; }
#line 1830 "build2/gen/buckle.tab.c"
    break;

  case 57: /* opt_final: %empty  */
#line 243 "grammar/buckle.y"
             { (yyval.num) = 0; }
#line 1836 "build2/gen/buckle.tab.c"
    break;

  case 58: /* opt_final: "final"  */
#line 244 "grammar/buckle.y"
             { (yyval.num) = 1; }
#line 1842 "build2/gen/buckle.tab.c"
    break;

  case 59: /* matchers: %empty  */
#line 248 "grammar/buckle.y"
                    { (yyval.m) = NULL; }
#line 1848 "build2/gen/buckle.tab.c"
    break;

  case 60: /* matchers: matcher_list  */
#line 249 "grammar/buckle.y"
                    { (yyval.m) = reverse_matchers((yyvsp[0].m)); }
#line 1854 "build2/gen/buckle.tab.c"
    break;

  case 61: /* matcher_list: matcher  */
#line 255 "grammar/buckle.y"
                                { (yyval.m) = (yyvsp[0].m); }
#line 1860 "build2/gen/buckle.tab.c"
    break;

  case 62: /* matcher_list: matcher_list ',' matcher  */
#line 256 "grammar/buckle.y"
                                { (yyvsp[0].m)->next = (yyvsp[-2].m); (yyval.m) = (yyvsp[0].m); }
#line 1866 "build2/gen/buckle.tab.c"
    break;

  case 63: /* matcher: "string"  */
#line 261 "grammar/buckle.y"
        { (yyval.m) = arena_alloc(pc->nodes, sizeof *(yyval.m)); (yyval.m)->value = *(yyvsp[0].str); }
#line 1872 "build2/gen/buckle.tab.c"
    break;

  case 64: /* matcher: kind "string"  */
#line 263 "grammar/buckle.y"
        { (yyval.m) = arena_alloc(pc->nodes, sizeof *(yyval.m)); (yyval.m)->kind = (yyvsp[-1].kw); (yyval.m)->kind_at = S(pc, (yylsp[-1])); (yyval.m)->value = *(yyvsp[0].str); }
#line 1878 "build2/gen/buckle.tab.c"
    break;

  case 65: /* matcher: "sbpl" "string"  */
#line 265 "grammar/buckle.y"
        { (yyval.m) = arena_alloc(pc->nodes, sizeof *(yyval.m)); (yyval.m)->kind = "sbpl"; (yyval.m)->kind_at = S(pc, (yylsp[-1])); (yyval.m)->value = *(yyvsp[0].str); }
#line 1884 "build2/gen/buckle.tab.c"
    break;

  case 66: /* kind: "subpath"  */
#line 269 "grammar/buckle.y"
              { (yyval.kw) = "subpath"; }
#line 1890 "build2/gen/buckle.tab.c"
    break;

  case 67: /* kind: "literal"  */
#line 269 "grammar/buckle.y"
                                            { (yyval.kw) = "literal"; }
#line 1896 "build2/gen/buckle.tab.c"
    break;

  case 68: /* kind: "prefix"  */
#line 269 "grammar/buckle.y"
                                                                         { (yyval.kw) = "prefix"; }
#line 1902 "build2/gen/buckle.tab.c"
    break;

  case 69: /* kind: "glob"  */
#line 270 "grammar/buckle.y"
           { (yyval.kw) = "glob"; }
#line 1908 "build2/gen/buckle.tab.c"
    break;

  case 70: /* kind: "regex"  */
#line 270 "grammar/buckle.y"
                                    { (yyval.kw) = "regex"; }
#line 1914 "build2/gen/buckle.tab.c"
    break;

  case 71: /* kind: "name"  */
#line 270 "grammar/buckle.y"
                                                             { (yyval.kw) = "name"; }
#line 1920 "build2/gen/buckle.tab.c"
    break;

  case 72: /* kind: "local"  */
#line 271 "grammar/buckle.y"
            { (yyval.kw) = "local"; }
#line 1926 "build2/gen/buckle.tab.c"
    break;

  case 73: /* kind: "target"  */
#line 271 "grammar/buckle.y"
                                       { (yyval.kw) = "target"; }
#line 1932 "build2/gen/buckle.tab.c"
    break;

  case 74: /* kind: "class"  */
#line 271 "grammar/buckle.y"
                                                                  { (yyval.kw) = "class"; }
#line 1938 "build2/gen/buckle.tab.c"
    break;

  case 75: /* kind: "registry-class"  */
#line 272 "grammar/buckle.y"
                     { (yyval.kw) = "registry-class"; }
#line 1944 "build2/gen/buckle.tab.c"
    break;

  case 76: /* modifiers: %empty  */
#line 276 "grammar/buckle.y"
                          { (yyval.mod) = NULL; }
#line 1950 "build2/gen/buckle.tab.c"
    break;

  case 77: /* modifiers: modifier modifiers  */
#line 277 "grammar/buckle.y"
                          { (yyvsp[-1].mod)->next = (yyvsp[0].mod); (yyval.mod) = (yyvsp[-1].mod); }
#line 1956 "build2/gen/buckle.tab.c"
    break;

  case 78: /* modifier: "report"  */
#line 281 "grammar/buckle.y"
                  { (yyval.mod) = arena_alloc(pc->nodes, sizeof *(yyval.mod)); (yyval.mod)->kind = MOD_REPORT; (yyval.mod)->at = S(pc, (yyloc)); }
#line 1962 "build2/gen/buckle.tab.c"
    break;

  case 79: /* modifier: "no-report"  */
#line 282 "grammar/buckle.y"
                  { (yyval.mod) = arena_alloc(pc->nodes, sizeof *(yyval.mod)); (yyval.mod)->kind = MOD_NO_REPORT; (yyval.mod)->at = S(pc, (yyloc)); }
#line 1968 "build2/gen/buckle.tab.c"
    break;

  case 80: /* modifier: "message" "string"  */
#line 284 "grammar/buckle.y"
        { (yyval.mod) = arena_alloc(pc->nodes, sizeof *(yyval.mod)); (yyval.mod)->kind = MOD_MESSAGE; (yyval.mod)->text = *(yyvsp[0].str); (yyval.mod)->at = S(pc, (yyloc)); }
#line 1974 "build2/gen/buckle.tab.c"
    break;

  case 83: /* expect: "expect" action section_kw "identifier" "string" ';'  */
#line 294 "grammar/buckle.y"
        { ast_expect *e = arena_alloc(pc->a, sizeof *e); e->action = (yyvsp[-4].act); e->section = (yyvsp[-3].sec);
          e->verb = (yyvsp[-2].id); e->verb_at = S(pc, (yylsp[-2])); e->object = *(yyvsp[-1].str); e->at = S(pc, (yyloc));
          ast_expect **p = &pc->file->tests_tail->expects;
          while (*p) p = &(*p)->next;
          *p = e; }
#line 1984 "build2/gen/buckle.tab.c"
    break;

  case 84: /* expect: error ';'  */
#line 300 "grammar/buckle.y"
        { yyerrok; }
#line 1990 "build2/gen/buckle.tab.c"
    break;


#line 1994 "build2/gen/buckle.tab.c"

      default: break;
    }
  /* User semantic actions sometimes alter yychar, and that requires
     that yytoken be updated with the new translation.  We take the
     approach of translating immediately before every use of yytoken.
     One alternative is translating here after every semantic action,
     but that translation would be missed if the semantic action invokes
     YYABORT, YYACCEPT, or YYERROR immediately after altering yychar or
     if it invokes YYBACKUP.  In the case of YYABORT or YYACCEPT, an
     incorrect destructor might then be invoked immediately.  In the
     case of YYERROR or YYBACKUP, subsequent parser actions might lead
     to an incorrect destructor call or verbose syntax error message
     before the lookahead is translated.  */
  YY_SYMBOL_PRINT ("-> $$ =", YY_CAST (yysymbol_kind_t, yyr1[yyn]), &yyval, &yyloc);

  YYPOPSTACK (yylen);
  yylen = 0;

  *++yyvsp = yyval;
  *++yylsp = yyloc;

  /* Now 'shift' the result of the reduction.  Determine what state
     that goes to, based on the state we popped back to and the rule
     number reduced by.  */
  {
    const int yylhs = yyr1[yyn] - YYNTOKENS;
    const int yyi = yypgoto[yylhs] + *yyssp;
    yystate = (0 <= yyi && yyi <= YYLAST && yycheck[yyi] == *yyssp
               ? yytable[yyi]
               : yydefgoto[yylhs]);
  }

  goto yynewstate;


/*--------------------------------------.
| yyerrlab -- here on detecting error.  |
`--------------------------------------*/
yyerrlab:
  /* Make sure we have latest lookahead translation.  See comments at
     user semantic actions for why this is necessary.  */
  yytoken = yychar == BKEMPTY ? YYSYMBOL_YYEMPTY : YYTRANSLATE (yychar);
  /* If not already recovering from an error, report this error.  */
  if (!yyerrstatus)
    {
      ++yynerrs;
      {
        yypcontext_t yyctx
          = {yyssp, yytoken, &yylloc};
        if (yyreport_syntax_error (&yyctx, scanner, pc) == 2)
          YYNOMEM;
      }
    }

  yyerror_range[1] = yylloc;
  if (yyerrstatus == 3)
    {
      /* If just tried and failed to reuse lookahead token after an
         error, discard it.  */

      if (yychar <= BKEOF)
        {
          /* Return failure if at end of input.  */
          if (yychar == BKEOF)
            YYABORT;
        }
      else
        {
          yydestruct ("Error: discarding",
                      yytoken, &yylval, &yylloc, scanner, pc);
          yychar = BKEMPTY;
        }
    }

  /* Else will try to reuse lookahead token after shifting the error
     token.  */
  goto yyerrlab1;


/*---------------------------------------------------.
| yyerrorlab -- error raised explicitly by YYERROR.  |
`---------------------------------------------------*/
yyerrorlab:
  /* Pacify compilers when the user code never invokes YYERROR and the
     label yyerrorlab therefore never appears in user code.  */
  if (0)
    YYERROR;
  ++yynerrs;

  /* Do not reclaim the symbols of the rule whose action triggered
     this YYERROR.  */
  YYPOPSTACK (yylen);
  yylen = 0;
  YY_STACK_PRINT (yyss, yyssp);
  yystate = *yyssp;
  goto yyerrlab1;


/*-------------------------------------------------------------.
| yyerrlab1 -- common code for both syntax error and YYERROR.  |
`-------------------------------------------------------------*/
yyerrlab1:
  yyerrstatus = 3;      /* Each real token shifted decrements this.  */

  /* Pop stack until we find a state that shifts the error token.  */
  for (;;)
    {
      yyn = yypact[yystate];
      if (!yypact_value_is_default (yyn))
        {
          yyn += YYSYMBOL_YYerror;
          if (0 <= yyn && yyn <= YYLAST && yycheck[yyn] == YYSYMBOL_YYerror)
            {
              yyn = yytable[yyn];
              if (0 < yyn)
                break;
            }
        }

      /* Pop the current state because it cannot handle the error token.  */
      if (yyssp == yyss)
        YYABORT;

      yyerror_range[1] = *yylsp;
      yydestruct ("Error: popping",
                  YY_ACCESSING_SYMBOL (yystate), yyvsp, yylsp, scanner, pc);
      YYPOPSTACK (1);
      yystate = *yyssp;
      YY_STACK_PRINT (yyss, yyssp);
    }

  YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN
  *++yyvsp = yylval;
  YY_IGNORE_MAYBE_UNINITIALIZED_END

  yyerror_range[2] = yylloc;
  ++yylsp;
  YYLLOC_DEFAULT (*yylsp, yyerror_range, 2);

  /* Shift the error token.  */
  YY_SYMBOL_PRINT ("Shifting", YY_ACCESSING_SYMBOL (yyn), yyvsp, yylsp);

  yystate = yyn;
  goto yynewstate;


/*-------------------------------------.
| yyacceptlab -- YYACCEPT comes here.  |
`-------------------------------------*/
yyacceptlab:
  yyresult = 0;
  goto yyreturnlab;


/*-----------------------------------.
| yyabortlab -- YYABORT comes here.  |
`-----------------------------------*/
yyabortlab:
  yyresult = 1;
  goto yyreturnlab;


/*-----------------------------------------------------------.
| yyexhaustedlab -- YYNOMEM (memory exhaustion) comes here.  |
`-----------------------------------------------------------*/
yyexhaustedlab:
  yyerror (&yylloc, scanner, pc, YY_("memory exhausted"));
  yyresult = 2;
  goto yyreturnlab;


/*----------------------------------------------------------.
| yyreturnlab -- parsing is finished, clean up and return.  |
`----------------------------------------------------------*/
yyreturnlab:
  if (yychar != BKEMPTY)
    {
      /* Make sure we have latest lookahead translation.  See comments at
         user semantic actions for why this is necessary.  */
      yytoken = YYTRANSLATE (yychar);
      yydestruct ("Cleanup: discarding lookahead",
                  yytoken, &yylval, &yylloc, scanner, pc);
    }
  /* Do not reclaim the symbols of the rule whose action triggered
     this YYABORT or YYACCEPT.  */
  YYPOPSTACK (yylen);
  YY_STACK_PRINT (yyss, yyssp);
  while (yyssp != yyss)
    {
      yydestruct ("Cleanup: popping",
                  YY_ACCESSING_SYMBOL (+*yyssp), yyvsp, yylsp, scanner, pc);
      YYPOPSTACK (1);
    }
#ifndef yyoverflow
  if (yyss != yyssa)
    YYSTACK_FREE (yyss);
#endif

  return yyresult;
}

#line 303 "grammar/buckle.y"


static void bkerror(buckle_loc *loc, void *scanner, parse_ctx *pc, const char *msg)
{
    (void)scanner;
    pc_syntax_error(pc, loc->first, loc->last, "%s", msg);
}

static int yyreport_syntax_error(const yypcontext_t *ctx, void *scanner, parse_ctx *pc)
{
    (void)scanner;
    enum { MAXEXP = 64, LISTED = 12 };
    yysymbol_kind_t exp[MAXEXP];
    int n = yypcontext_expected_tokens(ctx, exp, MAXEXP);
    yysymbol_kind_t la = yypcontext_token(ctx);
    const buckle_loc *loc = yypcontext_location(ctx);
    int want_semi = 0;
    for (int i = 0; i < n; i++) {
        const char *nm = yysymbol_name(exp[i]);
        if (strcmp(nm, "';'") == 0) want_semi = 1;
    }
    /* a missing ';' when the next token is on a later line or starts a
     * statement; otherwise the token itself is what is wrong */
    int starts = la == YYSYMBOL_ALLOW || la == YYSYMBOL_DENY || la == YYSYMBOL_REMOVE ||
                 la == YYSYMBOL_PARAM || la == YYSYMBOL_DEFAULT || la == YYSYMBOL_EXTENDS ||
                 la == YYSYMBOL_TEST || la == YYSYMBOL_EXPECT || la == YYSYMBOL_SBPL ||
                 la == YYSYMBOL_FILES || la == YYSYMBOL_MACH || la == YYSYMBOL_SYSCTL ||
                 la == YYSYMBOL_NETWORK || la == YYSYMBOL_PROCESS || la == YYSYMBOL_IPC ||
                 la == YYSYMBOL_IOKIT || la == YYSYMBOL_MISC || la == YYSYMBOL_PLATFORM || la == YYSYMBOL_YYerror ||
                 (yysymbol_name(la)[0] == '\'' && yysymbol_name(la)[1] == '}');
    int later_line = memchr(pc->src->text + pc->prev_end, '\n', loc->first - pc->prev_end) != NULL;
    if (want_semi && la != YYSYMBOL_YYEOF && pc->prev_end < loc->first && (starts || later_line) &&
        pc->diags->syntax_errors < BUCKLE_MAX_SYNTAX_ERRORS) {
        /* Report a missing ';' at the end of the previous token. */
        uint32_t at = pc->prev_end;
        pc_syntax_error(pc, at, at + 1, "expected ';' after this statement");
        diag *d = pc->diags->tail;
        if (d && d->code && strcmp(d->code, BK1001) == 0)
            diag_help(pc->diags, d, "statements end with ';': add one here (found %s next)",
                      la == YYSYMBOL_YYEMPTY ? "nothing" : yysymbol_name(la));
        return 0;
    }
    strbuf b;
    sb_init(&b);
    if (la == YYSYMBOL_YYEMPTY || la == YYSYMBOL_YYEOF) sb_puts(&b, "unexpected end of input");
    else if (la == YYSYMBOL_IDENT && pc->last_ident) sb_printf(&b, "unexpected identifier \"%s\"", pc->last_ident);
    else sb_printf(&b, "unexpected %s", yysymbol_name(la));
    if (n > 0 && n <= LISTED) {
        sb_puts(&b, ", expected ");
        for (int i = 0; i < n; i++) {
            if (i) sb_puts(&b, i + 1 == n ? " or " : ", ");
            sb_puts(&b, yysymbol_name(exp[i]));
        }
    }
    pc_syntax_error(pc, loc->first, loc->last > loc->first ? loc->last : loc->first + 1, "%s", sb_cstr(&b));
    sb_free(&b);
    /* an identifier where a keyword belongs: the closest expected keyword
     * (`netwrk` for network, `alow` for allow) */
    diag *d = pc->diags->tail;
    /* a string right after a string on the same line: the ',' between two
     * objects of a rule left out */
    if (la == YYSYMBOL_STRING && want_semi && d && d->code && strcmp(d->code, BK1001) == 0 && !d->help &&
        pc->prev_end > 0 && pc->prev_end < loc->first && pc->src->text[pc->prev_end - 1] == '"' &&
        !memchr(pc->src->text + pc->prev_end, '\n', loc->first - pc->prev_end))
        diag_help(pc->diags, d, "add ',' before this string: the objects of a rule are separated by ',' (\"/a\", \"/b\")");
    if (la == YYSYMBOL_IDENT && pc->last_ident && d && d->code && strcmp(d->code, BK1001) == 0 && !d->help) {
        const char *cands[MAXEXP];
        size_t nc = 0;
        for (int i = 0; i < n; i++)
            if (exp[i] >= YYSYMBOL_EXTENDS && exp[i] <= YYSYMBOL_MESSAGE) cands[nc++] = yysymbol_name(exp[i]);
        const char *sug = suggest_closest(pc->last_ident, cands, nc, 0);
        if (sug) diag_help(pc->diags, d, "did you mean \"%s\"?", sug);
    }
    return 0;
}

/* a rule, or `remove RULE;`, outside any section: one error saying where
 * it goes, with the statement as written inside a section */
static void outside_section(parse_ctx *pc, int remove, buckle_loc at)
{
    if (remove) pc_syntax_error(pc, at.first, at.last, "remove goes inside the rule's section: `files { remove allow read ...; }`");
    else pc_syntax_error(pc, at.first, at.last, "a rule goes inside a section: `files { allow read ...; }`");
    diag *d = pc->diags->tail;
    if (!d || !d->code || strcmp(d->code, BK1001) != 0 || pc->stop) return;
    size_t len = at.last > at.first ? at.last - at.first : 0;
    if (len > 160) len = 160;
    diag_help(pc->diags, d, "write it in the section of its verb (files, mach, sysctl, network, process, ipc, iokit, misc)%s, "
                            "e.g. `files { %.*s }`",
              remove ? " where the base wrote the rule" : "", (int)len, pc->src->text + at.first);
}

/* NAME { ... } where NAME is no section: one error, and the block is read
 * (its rules dropped) so that its '}' is not reported again */
static void unknown_section(parse_ctx *pc, const char *name, buckle_loc at)
{
    static const char *const sections[] = { "files", "mach", "sysctl", "network", "process", "ipc", "iokit", "misc" };
    pc->section = SEC_NONE;
    diag *d = pc->diags->tail;
    if (d && d->at.src == pc->src && d->at.start == at.first) return;   /* the error being recovered from */
    pc_syntax_error(pc, at.first, at.last, "unknown section \"%s\"", name);
    d = pc->diags->tail;
    if (!d || !d->code || strcmp(d->code, BK1001) != 0 || pc->stop) return;
    const char *sug = suggest_closest(name, sections, sizeof sections / sizeof sections[0], 0);
    if (sug) diag_help(pc->diags, d, "did you mean \"%s\"?", sug);
    else diag_help(pc->diags, d, "the sections are files, mach, sysctl, network, process, ipc, iokit and misc");
}

/* platform NAME: the rules of the block are for that platform only; an
 * unknown name is one error, and the block is read (its rules dropped) */
static void platform_open(parse_ctx *pc, const char *name, buckle_loc at)
{
    platform_t p = platform_from_name(name);
    pc->platform = p;
    if (p != PLAT_ANY) return;
    pc->platform = PLAT_UNKNOWN;
    pc_syntax_error(pc, at.first, at.last, "unknown platform \"%s\"", name);
    diag *d = pc->diags->tail;
    if (!d || !d->code || strcmp(d->code, BK1001) != 0 || pc->stop) return;
    const char *names[PLAT_COUNT];
    size_t n = 0;
    for (int k = PLAT_ANY + 1; k < PLAT_COUNT; k++) names[n++] = platform_name((platform_t)k);
    const char *sug = suggest_closest(name, names, n, 0);
    if (sug) diag_help(pc->diags, d, "did you mean \"%s\"?", sug);
    else diag_help(pc->diags, d, "the platforms are linux and macos");
}

static void add_stmt(parse_ctx *pc, buckle_loc l)
{
    ast_file *f = pc->file;
    if (f->nstmts == f->stmts_cap) {
        size_t cap = f->stmts_cap ? f->stmts_cap * 2 : 64;
        ast_stmt_pos *n = arena_alloc(pc->a, cap * sizeof *n);
        if (f->nstmts) memcpy(n, f->stmts, f->nstmts * sizeof *n);
        f->stmts = n;
        f->stmts_cap = cap;
    }
    f->stmts[f->nstmts].start = l.first;
    f->stmts[f->nstmts].end = l.last;
    f->nstmts++;
}

/* The actions and sections travel as long, like every member of the %union:
 * a reduction copies the value whole, and a copy that reads more than the
 * last store wrote would stall (store forwarding) on every rule. */
static ast_rule *mk_rule(parse_ctx *pc, action_t act, int final, const char *verb,
                         buckle_loc act_at, buckle_loc verb_at, ast_matcher *m, ast_modifier *mods)
{
    ast_rule *r = arena_alloc(pc->nodes, sizeof *r);
    r->action = act;
    r->final = final;
    r->verb = verb;
    r->action_at = S(pc, act_at);
    r->verb_at = S(pc, verb_at);
    r->matchers = m;
    r->mods = mods;
    return r;
}

static void add_rule(parse_ctx *pc, ast_rule *r, int remove, buckle_loc at)
{
    if (pc->section == SEC_NONE) return;   /* in an unknown section: reported */
    /* the scanner knows whether a platform block is open, also after an
     * error recovery that never reduced its closing '}' */
    platform_t plat = pc->in_platform ? pc->platform : PLAT_ANY;
    if (plat == PLAT_UNKNOWN) return;   /* in an unknown platform: reported */
    r->section = pc->section;
    r->platform = plat;
    r->remove = remove;
    r->at = S(pc, at);
    r->at.end = r->at.end > 0 ? r->at.end - 1 : 0; /* without the ';' */
    if (pc->file->rules_tail) pc->file->rules_tail->next = r; else pc->file->rules = r;
    pc->file->rules_tail = r;
    add_stmt(pc, at);
}
