#ifndef NETTUTOR_TERMINAL_SUPPORT_H
#define NETTUTOR_TERMINAL_SUPPORT_H

/// Installs handlers for SIGINT, SIGTERM and SIGHUP that only record the signal,
/// so the main loop can save state and restore the terminal before it exits.
/// The handlers are installed without SA_RESTART so a blocking read returns.
void nt_install_quit_handlers(void);

/// The number of the first quit signal received, or 0.
int nt_quit_signal(void);

/// Ignore SIGPIPE so a closed pipe shows up as EPIPE on write, not as a kill.
void nt_ignore_sigpipe(void);

/// For one-shot commands (`show`): malloc keeps memory that is freed (large blocks
/// included) for the next allocation instead of returning it to the kernel, where it would
/// be faulted in again page by page (glibc's mallopt, which Swift's Glibc module lacks).
void nt_keep_freed_memory(void);

/// After nt_keep_freed_memory, for a large input (`show` of a big lesson): the heap grows
/// by 64 MiB of address space and its untouched top is asked for transparent huge pages
/// (2 MiB page faults instead of 4 KiB ones). Clearing a 2 MiB page costs about 1 ms, so
/// only worth it for tens of MB.
void nt_huge_pages_for_heap(void);

/// The same for the calling thread's own malloc arena (a no-op on the main arena).
void nt_huge_pages_for_thread_heap(void);

/// Restore the default disposition of a signal and raise it again (after cleanup).
void nt_reraise(int sig);

/// Arms the crash guard: on SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT or SIGTRAP the terminal
/// modes saved from fd 0 are restored and `bytes` (the terminal's own reset sequences) are
/// written to fd 1 before the previous handler (the Swift runtime's backtracer) runs.
void nt_arm_crash_restore(const char *bytes);

/// Disarms it once the terminal has been restored normally.
void nt_disarm_crash_restore(void);

#endif
