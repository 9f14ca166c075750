"""A small terminal emulator: enough of xterm to know what is on the screen.

The benchmark harness feeds it what a program writes to its pty and asks whether an
expected screen is there yet. It keeps text only (no colours) and understands the
sequences ncurses and less emit for TERM=xterm-256color: cursor addressing, erase,
scroll regions, insert/delete line, repeat (REP), erase characters (ECH), and xterm's
pending wrap at the right margin. Anything else is parsed and ignored.
"""

import codecs
import unicodedata


def char_width(ch):
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


class Screen:
    def __init__(self, cols, rows):
        self.cols, self.rows = cols, rows
        self.grid = [[" "] * cols for _ in range(rows)]
        self.x = self.y = 0
        self.top, self.bottom = 0, rows - 1
        self.pending_wrap = False
        self.saved = (0, 0)
        self.last_char = " "
        self.decoder = codecs.getincrementaldecoder("utf-8")("replace")
        self.state = "ground"
        self.params = ""

    # Screen contents -------------------------------------------------------

    def row_text(self, r):
        return "".join(c for c in self.grid[r] if c is not None).rstrip()

    def text(self):
        return "\n".join(self.row_text(r) for r in range(self.rows))

    # Input -----------------------------------------------------------------

    def feed(self, data):
        for ch in self.decoder.decode(data):
            self._char(ch)

    def _char(self, ch):
        st = self.state
        if st == "ground":
            o = ord(ch)
            if o == 0x1B:
                self.state = "esc"
            elif o >= 0x20 and o != 0x7F:
                self._print(ch)
            else:
                self._control(o)
        elif st == "esc":
            self._esc(ch)
        elif st == "csi":
            o = ord(ch)
            if 0x40 <= o <= 0x7E:
                self.state = "ground"
                self._csi(self.params, ch)
            elif o < 0x20:
                self._control(o)
            else:
                self.params += ch
        elif st == "osc":
            if ch == "\x07":
                self.state = "ground"
            elif ch == "\x1b":
                self.state = "osc_esc"
        elif st == "osc_esc":
            self.state = "ground" if ch == "\\" else "osc"
        elif st == "esc_skip":
            self.state = "ground"

    def _control(self, o):
        if o == 0x0D:
            self.x = 0
            self.pending_wrap = False
        elif o in (0x0A, 0x0B, 0x0C):
            self._index()
        elif o == 0x08:
            self.x = max(0, self.x - 1)
            self.pending_wrap = False
        elif o == 0x09:
            self.x = min(self.cols - 1, (self.x // 8 + 1) * 8)

    def _esc(self, ch):
        self.state = "ground"
        if ch == "[":
            self.state, self.params = "csi", ""
        elif ch == "]":
            self.state = "osc"
        elif ch in "()*+#%":
            self.state = "esc_skip"
        elif ch == "7":
            self.saved = (self.x, self.y)
        elif ch == "8":
            self.x, self.y = self.saved
            self.pending_wrap = False
        elif ch == "D":
            self._index()
        elif ch == "E":
            self.x = 0
            self._index()
        elif ch == "M":
            self._reverse_index()
        elif ch == "c":
            self.__init__(self.cols, self.rows)

    def _print(self, ch):
        w = char_width(ch)
        if w == 0:
            return
        if self.pending_wrap:
            self.x = 0
            self._index()
            self.pending_wrap = False
        if self.x + w > self.cols:
            self.x = 0
            self._index()
        self.grid[self.y][self.x] = ch
        if w == 2 and self.x + 1 < self.cols:
            self.grid[self.y][self.x + 1] = None
        self.last_char = ch
        if self.x + w >= self.cols:
            self.x = self.cols - 1
            self.pending_wrap = True
        else:
            self.x += w

    def _index(self):
        if self.y == self.bottom:
            self._scroll_up(self.top, self.bottom, 1)
        elif self.y < self.rows - 1:
            self.y += 1

    def _reverse_index(self):
        if self.y == self.top:
            self._scroll_down(self.top, self.bottom, 1)
        elif self.y > 0:
            self.y -= 1

    def _blank(self):
        return [" "] * self.cols

    def _scroll_up(self, top, bottom, n):
        for _ in range(min(n, bottom - top + 1)):
            del self.grid[top]
            self.grid.insert(bottom, self._blank())

    def _scroll_down(self, top, bottom, n):
        for _ in range(min(n, bottom - top + 1)):
            del self.grid[bottom]
            self.grid.insert(top, self._blank())

    def _csi(self, params, final):
        private = params[:1] in ("?", ">", "=", "<")
        if private:
            return  # modes (alternate screen, cursor, mouse): no effect on the text
        fields = [int(p) if p.isdigit() else 0 for p in params.split(";")] if params else []

        def arg(i, default=1):
            v = fields[i] if i < len(fields) else 0
            return v if v else default

        self.pending_wrap = False
        if final in "Hf":
            self.y = min(self.rows - 1, arg(0) - 1)
            self.x = min(self.cols - 1, arg(1) - 1)
        elif final == "A":
            self.y = max(0, self.y - arg(0))
        elif final in "Be":
            self.y = min(self.rows - 1, self.y + arg(0))
        elif final in "Ca":
            self.x = min(self.cols - 1, self.x + arg(0))
        elif final == "D":
            self.x = max(0, self.x - arg(0))
        elif final in "G`":
            self.x = min(self.cols - 1, arg(0) - 1)
        elif final == "d":
            self.y = min(self.rows - 1, arg(0) - 1)
        elif final == "K":
            mode = arg(0, 0)
            row = self.grid[self.y]
            rng = range(self.x, self.cols) if mode == 0 else range(0, self.x + 1) if mode == 1 else range(self.cols)
            for i in rng:
                row[i] = " "
        elif final == "J":
            mode = arg(0, 0)
            if mode == 0:
                for i in range(self.x, self.cols):
                    self.grid[self.y][i] = " "
                for r in range(self.y + 1, self.rows):
                    self.grid[r] = self._blank()
            elif mode == 1:
                for r in range(0, self.y):
                    self.grid[r] = self._blank()
                for i in range(0, self.x + 1):
                    self.grid[self.y][i] = " "
            else:
                self.grid = [self._blank() for _ in range(self.rows)]
        elif final == "X":
            for i in range(self.x, min(self.cols, self.x + arg(0))):
                self.grid[self.y][i] = " "
        elif final == "b":
            for _ in range(arg(0)):
                self._print(self.last_char)
        elif final == "r":
            self.top = arg(0) - 1
            self.bottom = min(self.rows, arg(1, self.rows)) - 1
            self.x = self.y = 0
        elif final == "L":
            if self.top <= self.y <= self.bottom:
                self._scroll_down(self.y, self.bottom, arg(0))
        elif final == "M":
            if self.top <= self.y <= self.bottom:
                self._scroll_up(self.y, self.bottom, arg(0))
        elif final == "S":
            self._scroll_up(self.top, self.bottom, arg(0))
        elif final == "T":
            self._scroll_down(self.top, self.bottom, arg(0))
        elif final == "@":
            row = self.grid[self.y]
            for _ in range(arg(0)):
                row.insert(self.x, " ")
                row.pop()
        elif final == "P":
            row = self.grid[self.y]
            for _ in range(arg(0)):
                if self.x < len(row):
                    row.pop(self.x)
                    row.append(" ")
