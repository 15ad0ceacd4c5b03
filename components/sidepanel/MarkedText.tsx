import { segment } from '../../lib/sidepanel/text';

interface Props {
  text: string;
  ranges: readonly { start: number; end: number }[];
  /** Class of the marked parts: `missing` for unfilled variables, `issue` for coach findings. */
  kind: 'missing' | 'issue';
  /** Read out with each marked part so it is not conveyed by colour alone. */
  markLabel?: string;
}

export function MarkedText({ text, ranges, kind, markLabel }: Props) {
  return (
    <>
      {segment(text, ranges).map((part, i) =>
        part.mark === null ? (
          part.text
        ) : (
          // Segments never move within one render, so their position is a stable key.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <mark key={i} className={`mark-${kind}`} title={markLabel}>
            {part.text}
          </mark>
        ),
      )}
    </>
  );
}
