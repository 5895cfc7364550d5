import { err, ok, type Result } from '../result.ts';
import { goQuote, parseGoInt64 } from './strings.ts';

/**
 * Go's strconv.Atoi on a 64-bit build (ParseInt base 10 within int64), with its error as kubectl
 * prints it: `strconv.Atoi: parsing "x": invalid syntax`, or `...: value out of range`.
 */
export function goAtoi(text: string): Result<bigint, string> {
  const value = parseGoInt64(text);
  if (value !== undefined) return ok(value);
  const why = /^[+-]?[0-9]+$/.test(text) ? 'value out of range' : 'invalid syntax';
  return err(`strconv.Atoi: parsing ${goQuote(text)}: ${why}`);
}

/** Go's int32(n) conversion: the low 32 bits, read as signed (`int32(4294967376)` is 80). */
export const goInt32 = (n: bigint): number => Number(BigInt.asIntN(32, n));
