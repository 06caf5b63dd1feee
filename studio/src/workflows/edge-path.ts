import type { Point } from './layout';

/**
 * An SVG path through the layout's points: straight runs joined by rounded corners, so the line passes
 * through each label box where the layout put it and never swings out past its points as a spline can.
 */
export function roundedPath(points: Point[], radius = 12): string {
  if (points.length < 2) return '';
  const [first, ...rest] = points;
  let d = `M ${n(first!.x)} ${n(first!.y)}`;
  for (let i = 0; i < rest.length - 1; i++) {
    const prev = points[i]!;
    const corner = rest[i]!;
    const next = rest[i + 1]!;
    const r = Math.min(radius, dist(prev, corner) / 2, dist(corner, next) / 2);
    const a = toward(corner, prev, r);
    const b = toward(corner, next, r);
    d += ` L ${n(a.x)} ${n(a.y)} Q ${n(corner.x)} ${n(corner.y)} ${n(b.x)} ${n(b.y)}`;
  }
  const last = rest.at(-1)!;
  return `${d} L ${n(last.x)} ${n(last.y)}`;
}

const dist = (a: Point, b: Point) => Math.hypot(b.x - a.x, b.y - a.y);

/** The point `r` from `from` on the way to `to`. */
function toward(from: Point, to: Point, r: number): Point {
  const d = dist(from, to);
  return d === 0 ? from : { x: from.x + ((to.x - from.x) * r) / d, y: from.y + ((to.y - from.y) * r) / d };
}

const n = (v: number) => Math.round(v * 10) / 10;
