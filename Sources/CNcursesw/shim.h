#ifndef NETTUTOR_CNCURSESW_SHIM_H
#define NETTUTOR_CNCURSESW_SHIM_H
// SwiftPM drops the -D flags of ncursesw.pc: define what the wide API needs here.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <stdio.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

// Swift 6 rejects the C globals stdscr, LINES, COLS and does not import the
// attribute macros or getmaxyx: reach them through these functions.
static inline WINDOW *nt_stdscr(void) { return stdscr; }
static inline FILE *nt_stdout(void) { return stdout; }
static inline FILE *nt_stdin(void) { return stdin; }
static inline const char *nt_codeset(void) { return nl_langinfo(CODESET); }
static inline int nt_lines(void) { return LINES; }
static inline int nt_cols(void) { return COLS; }
static inline int nt_colors(void) { return COLORS; }
static inline int nt_color_pairs(void) { return COLOR_PAIRS; }
static inline void nt_getmaxyx(WINDOW *w, int *y, int *x) { int yy, xx; getmaxyx(w, yy, xx); *y = yy; *x = xx; }
static inline attr_t nt_a_normal(void) { return A_NORMAL; }
static inline attr_t nt_a_bold(void) { return A_BOLD; }
static inline attr_t nt_a_dim(void) { return A_DIM; }
static inline attr_t nt_a_underline(void) { return A_UNDERLINE; }
static inline attr_t nt_a_reverse(void) { return A_REVERSE; }
static inline attr_t nt_a_italic(void) { return A_ITALIC; }
static inline int nt_key_code_yes(void) { return KEY_CODE_YES; }
static inline mmask_t nt_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t nt_button5_pressed(void) { return BUTTON5_PRESSED; }
static inline mmask_t nt_button1_clicked(void) { return BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED; }
static inline mmask_t nt_all_mouse_events(void) { return ALL_MOUSE_EVENTS; }

#endif
