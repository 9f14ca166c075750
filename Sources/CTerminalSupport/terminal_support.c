#include "terminal_support.h"
#include <malloc.h>
#include <stdint.h>
#include <sys/mman.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static volatile sig_atomic_t quit_signal = 0;

static void record_quit(int sig) {
    if (quit_signal == 0) quit_signal = sig;
}

void nt_install_quit_handlers(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = record_quit;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0; // no SA_RESTART: the blocking key read must return
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    // A parent may have left signals blocked; the ones we rely on must get through.
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    sigaddset(&set, SIGWINCH);
    sigaddset(&set, SIGTSTP);
    sigaddset(&set, SIGCONT);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
}

int nt_quit_signal(void) { return quit_signal; }

void nt_ignore_sigpipe(void) { signal(SIGPIPE, SIG_IGN); }

void nt_keep_freed_memory(void) {
    /* 32 MiB is the largest mmap threshold glibc accepts (a larger one is refused). */
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
}

void nt_huge_pages_for_heap(void) {
    /* Ask for transparent huge pages (THP is "madvise" on Debian) in the untouched top of
       the heap, where the next allocations go: tens of MB then fault in 2 MiB at a time
       instead of 4 KiB (glibc.malloc.hugetlb=1 does this, but a tunable can only be set
       before the process starts). The heap is first grown by 64 MiB of address space
       (nothing touched, so nothing resident): a block larger than all free memory can only
       come from new heap, and freed it stays there as the top. */
    mallopt(M_TOP_PAD, 64 << 20);
    void *volatile grow = malloc(mallinfo2().fordblks + (1 << 20));  /* volatile: kept, not elided */
    free(grow);
    struct mallinfo2 info = mallinfo2();
    uintptr_t huge = (uintptr_t)2 << 20;
    uintptr_t end = (uintptr_t)sbrk(0);
    uintptr_t start = (end - info.keepcost + huge - 1) & ~(huge - 1);
    end &= ~(huge - 1);
    if (start < end) madvise((void *)start, end - start, MADV_HUGEPAGE);
}

void nt_huge_pages_for_thread_heap(void) {
    /* A thread's own malloc arena is a heap of at most 64 MiB, aligned to 64 MiB (glibc's
       HEAP_MAX_SIZE on 64-bit), reserved whole and made usable as it grows: the same
       request for huge pages covers all of it. A thread on the main arena (below the
       program break) has nothing to do here. */
    void *volatile probe = malloc(64);
    if (probe == NULL) return;
    uintptr_t at = (uintptr_t)probe;
    free(probe);
    if (at < (uintptr_t)sbrk(0)) return;
    uintptr_t size = (uintptr_t)64 << 20;
    madvise((void *)(at & ~(size - 1)), size, MADV_HUGEPAGE);
}

void nt_reraise(int sig) {
    signal(sig, SIG_DFL);
    raise(sig);
}

static const int crash_signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP };
#define N_CRASH_SIGNALS (sizeof crash_signals / sizeof crash_signals[0])
static struct sigaction previous[N_CRASH_SIGNALS];
static char restore_bytes[512];
static size_t restore_len = 0;
static struct termios saved_modes;
static volatile sig_atomic_t armed = 0;
static int have_modes = 0;

static void restore_terminal_on_crash(int sig) {
    if (armed) {
        armed = 0;
        if (have_modes) tcsetattr(0, TCSANOW, &saved_modes);
        if (restore_len > 0) { ssize_t n = write(1, restore_bytes, restore_len); (void)n; }
    }
    // Hand the signal back to whoever handled it before (the runtime's backtracer) or to
    // the default action: a faulting instruction runs again and raises it anew.
    for (size_t i = 0; i < N_CRASH_SIGNALS; i++) {
        if (crash_signals[i] == sig) { sigaction(sig, &previous[i], NULL); break; }
    }
    if (sig == SIGABRT || sig == SIGTRAP) raise(sig);
}

void nt_arm_crash_restore(const char *bytes) {
    restore_len = 0;
    if (bytes) {
        size_t n = strlen(bytes);
        if (n > sizeof restore_bytes) n = sizeof restore_bytes;
        memcpy(restore_bytes, bytes, n);
        restore_len = n;
    }
    have_modes = tcgetattr(0, &saved_modes) == 0;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = restore_terminal_on_crash;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_NODEFER;
    for (size_t i = 0; i < N_CRASH_SIGNALS; i++) sigaction(crash_signals[i], &sa, &previous[i]);
    armed = 1;
}

void nt_disarm_crash_restore(void) {
    if (!armed) return;
    armed = 0;
    for (size_t i = 0; i < N_CRASH_SIGNALS; i++) sigaction(crash_signals[i], &previous[i], NULL);
}
