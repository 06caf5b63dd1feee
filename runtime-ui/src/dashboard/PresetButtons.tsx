/** A row of period presets as one radio group (全部时间 / 本月 / …), the chosen one marked. */
export function PresetButtons<P extends string>({
  label,
  className,
  presets,
  chosen,
  titles,
  onChoose,
}: {
  label: string;
  className?: string;
  presets: readonly P[];
  chosen: P;
  titles: Record<P, string>;
  onChoose(preset: P): void;
}) {
  return (
    <div className={className ? `segmented ${className}` : 'segmented'} role="radiogroup" aria-label={label}>
      {presets.map((preset) => (
        <button
          key={preset}
          type="button"
          role="radio"
          aria-checked={chosen === preset}
          className={chosen === preset ? 'is-active' : undefined}
          onClick={() => onChoose(preset)}
          data-preset={preset}
        >
          {titles[preset]}
        </button>
      ))}
    </div>
  );
}
