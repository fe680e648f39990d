// kubesim's notes on stderr, told apart from errors: a run of lines beginning "(kubesim" (its explanation of what
// it did where kubectl would have done something else) is a note; everything else on stderr stays an error.

export interface StderrPart {
  text: string;
  note: boolean;
}

const NOTE = /^\(kubesim[ :'s]/;

/** stderr in order, as runs of note lines and of other lines */
export function splitNotes(stderr: string): StderrPart[] {
  const parts: StderrPart[] = [];
  for (const line of stderr.split(/(?<=\n)/)) {
    if (line === '') continue;
    const note = NOTE.test(line);
    const last = parts[parts.length - 1];
    if (last && last.note === note) last.text += line;
    else parts.push({ text: line, note });
  }
  return parts;
}
