// Counts the work a spreadsheet read does, so tests can prove it is bounded by the input
// (linear in what was inflated and decoded) without timing anything: bytes inflated from the
// zip, characters of XML handed to the tokenizer and characters it examined, and characters
// of CSV parsed. Readers take an optional meter and add to it; nothing else reads it.

export type WorkMeter = {
  /** Bytes produced by inflating (or copying stored) zip entries. */
  inflatedBytes: number;
  /** Characters of XML text given to the tokenizer. */
  xmlChars: number;
  /** Characters the tokenizer examined: every search, tag, attribute and text run. */
  scannedChars: number;
  /** Characters of decoded CSV text parsed. */
  csvChars: number;
};

export const createWorkMeter = (): WorkMeter => ({
  inflatedBytes: 0,
  xmlChars: 0,
  scannedChars: 0,
  csvChars: 0,
});
