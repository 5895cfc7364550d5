/**
 * Turns console lines into chat messages, as DESIGN.md §5 says: a line that opens a ``` fence
 * continues to the line that closes it; a command that reads `-` (`create -f -`, `apply -f -`,
 * `/file save NAME`) takes a fenced block on the lines right after it as part of the same message.
 */
export class MessageAssembler {
  private lines: string[] = [];
  private inFence = false;
  /** A complete stdin-reading command that a fence on the next line may still extend. */
  private awaitingFence = false;

  /** Feeds one line; returns the messages it completed (zero, one, or two). */
  push(line: string): string[] {
    const out: string[] = [];
    if (this.awaitingFence) {
      this.awaitingFence = false;
      if (line.trimStart().startsWith('```')) {
        this.lines.push(line);
        this.inFence = fenceCount(line) % 2 === 1;
        if (!this.inFence) out.push(this.take());
        return out;
      }
      out.push(this.take());
    }
    if (this.inFence) {
      this.lines.push(line);
      if (fenceCount(line) % 2 === 1) {
        this.inFence = false;
        out.push(this.take());
      }
      return out;
    }
    if (line.trim() === '') return out;
    this.lines.push(line);
    if (fenceCount(line) % 2 === 1) {
      this.inFence = true;
      return out;
    }
    if (readsStdin(line)) {
      this.awaitingFence = true;
      return out;
    }
    out.push(this.take());
    return out;
  }

  /** Whether the next line belongs to an open code block. */
  inBlock(): boolean {
    return this.inFence;
  }

  /** End of input: whatever is pending becomes a message (an open fence stays open, and says so). */
  end(): string[] {
    return this.lines.length === 0 ? [] : [this.take()];
  }

  private take(): string {
    const message = this.lines.join('\n');
    this.lines = [];
    return message;
  }
}

const fenceCount = (line: string) => line.split('```').length - 1;

export function readsStdin(line: string): boolean {
  const body = line.replace(/^@\S+\s+/, '').trim();
  if (/^\/file\s+save\b/.test(body)) return true;
  if (!/^(\/)?kubectl\s/.test(body)) return false;
  // `delete -i` reads its answer from standard input.
  if (/^(\/)?kubectl\s+delete\s/.test(body) && /(^|\s)(-i|--interactive)(=true)?(\s|$)/.test(body))
    return true;
  return /(^|\s)(-f|--filename)(\s+|=)-(\s|$)/.test(body);
}
