// Event object names `<involvedObject name>.<unix nanos in hex>` (client-go makeEvent: fmt.Sprintf("%v.%x", name,
// t.UnixNano())), unique even when two events share a virtual instant. Plain numbers instead of a BigInt per event.
import { EPOCH_UNIX_DAYS } from '../sim/clock';

const EPOCH_NANOS = BigInt(EPOCH_UNIX_DAYS) * 86_400_000n * 1_000_000n;
const TWO_32 = 4_294_967_296;
const EPOCH_HI = Number(EPOCH_NANOS / 4_294_967_296n);
const EPOCH_LO = Number(EPOCH_NANOS % 4_294_967_296n);
/** |virtual ms| up to which ms x 1e6 (+ a few) stays an exact double */
const FAST_MS = 9_000_000_000;

/** the high word last printed and its hex: it changes every 2^32 ns (about 4.3 s) */
let lastHi = -1;
let lastHiHex = '';

/** hex of EPOCH_NANOS + rel, for a safe integer rel */
function hexNanos(rel: number): string {
  const relHi = Math.floor(rel / TWO_32);
  let lo = EPOCH_LO + (rel - relHi * TWO_32);
  let hi = EPOCH_HI + relHi;
  if (lo >= TWO_32) {
    lo -= TWO_32;
    hi += 1;
  }
  if (hi !== lastHi) {
    lastHi = hi;
    lastHiHex = hi.toString(16);
  }
  return lastHiHex + lo.toString(16).padStart(8, '0');
}

/** the names one recorder gives; each is strictly later (in nanos) than the one before */
export class EventNamer {
  /** last nanos given, relative to the simulation epoch, while it is an exact double */
  private lastRel = -Infinity;
  /** last nanos given, absolute, once it left the exact-double range */
  private lastBig: bigint | undefined;

  next(objName: string, nowMs: number): string {
    if (this.lastBig === undefined && Number.isSafeInteger(nowMs) && Math.abs(nowMs) <= FAST_MS) {
      let rel = nowMs * 1_000_000;
      if (rel <= this.lastRel) rel = this.lastRel + 1;
      if (Number.isSafeInteger(rel)) {
        this.lastRel = rel;
        return `${objName}.${hexNanos(rel)}`;
      }
    }
    return `${objName}.${this.nextBig(nowMs).toString(16)}`;
  }

  /** the BigInt computation (as the recorder always did): virtual times far from the epoch */
  private nextBig(nowMs: number): bigint {
    const last = this.lastBig ?? (this.lastRel === -Infinity ? 0n : EPOCH_NANOS + BigInt(this.lastRel));
    let nanos = (EPOCH_NANOS / 1_000_000n + BigInt(nowMs)) * 1_000_000n;
    if (nanos <= last) nanos = last + 1n;
    const rel = nanos - EPOCH_NANOS;
    const small = rel >= -9_000_000_000_000_000n && rel <= 9_000_000_000_000_000n;
    this.lastBig = small ? undefined : nanos;
    this.lastRel = small ? Number(rel) : this.lastRel;
    return nanos;
  }
}
