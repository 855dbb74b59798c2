// Miner parts (pure): which UIDs the subnet owner holds, and the miner (incentive) part of each UID's realised emission.
import type { UidVectors } from '../model/chain-snapshot-schema.ts';

/** UIDs whose hotkey is the owner hotkey or whose coldkey is the owner coldkey (their incentive is burned, not paid). */
export function ownerUidsOf(
  uids: Pick<UidVectors, 'hotkeys' | 'coldkeys'>,
  ownerHotkey: string | null,
  ownerColdkey: string | null,
): number[] {
  return uids.hotkeys.flatMap((hk, uid) =>
    (ownerHotkey !== null && hk === ownerHotkey) || (ownerColdkey !== null && uids.coldkeys[uid] === ownerColdkey)
      ? [uid]
      : [],
  );
}

/**
 * Emission[uid] = server (miner) part + validator part; Yuma gives them as incentive_i/Σinc and dividend_i/Σdiv of
 * equal halves (run_epoch.rs), so the miner part of the realised emission is E x a/(a+b), a = incentive/Σincentive,
 * b = dividends/Σdividends. A UID with no dividends keeps all. Alpha rao per epoch, index = UID.
 */
export function minerPartsPerEpoch(uids: Pick<UidVectors, 'incentive' | 'dividends' | 'emissionRao'>): number[] {
  const sumInc = uids.incentive.reduce((a, b) => a + b, 0);
  const sumDiv = uids.dividends.reduce((a, b) => a + b, 0);
  return uids.emissionRao.map((raw, uid) => {
    const e = Number(raw);
    const a = sumInc === 0 ? 0 : (uids.incentive[uid] ?? 0) / sumInc;
    const b = sumDiv === 0 ? 0 : (uids.dividends[uid] ?? 0) / sumDiv;
    return a + b === 0 ? 0 : (e * a) / (a + b);
  });
}
