// Sizes and the deterministic grid the canvas uses (one place to tune for a projector).
export const POD_W = 200;
export const POD_H = 48;
export const GAP = 10;
export const PAD = 14;
export const NODE_HEADER_H = 96;
export const LANE_HEADER_H = 52;
export const GROUP_GAP = 40;
/** pod columns inside a Node box and inside the unscheduled lane */
export const NODE_POD_COLS = 2;
export const LANE_POD_COLS = 8;
/** beyond this many pods per box (kept low so a busy node does not shrink the whole canvas), one "+N more" tile stands for the rest */
export const MAX_PODS_PER_NODE = 12;
export const MAX_PODS_IN_LANE = 16;

export function boxWidth(cols: number): number {
  return PAD * 2 + cols * POD_W + (cols - 1) * GAP;
}

export function boxHeight(headerH: number, tiles: number, cols: number): number {
  const rows = Math.max(1, Math.ceil(tiles / cols));
  return headerH + rows * (POD_H + GAP) - GAP + PAD;
}

/** position of tile i inside a box, relative to the box */
export function tilePosition(i: number, cols: number, headerH: number): { x: number; y: number } {
  return { x: PAD + (i % cols) * (POD_W + GAP), y: headerH + Math.floor(i / cols) * (POD_H + GAP) };
}

/** Node boxes per row: at least 4, then a square-ish grid for big clusters */
export function groupColumns(count: number): number {
  return Math.max(4, Math.ceil(Math.sqrt(count)));
}
