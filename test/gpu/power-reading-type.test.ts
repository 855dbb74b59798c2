// Tests which power readings are 1-s averages and which are instantaneous, using GPUs from the recorded XML.
import { expect, it } from 'vitest';
import { parseInventoryXml } from '../../harness/gpu/parse-inventory-xml.ts';
import { powerReadingType } from '../../harness/gpu/power-reading-type.ts';
import { describeShared } from '../support/describe-shared.ts';
import { readFixture } from './fixture-paths.ts';

const gpu = (rel: string) => parseInventoryXml(readFixture(`xml/${rel}`)).gpus[0]!;

describeShared('powerReadingType', () => {
  it.each([
    ['k8s-test-infra/qx-h100.xml', '1s-average'], // Hopper
    ['k8s-test-infra/qx-l40s.xml', '1s-average'], // Ada Lovelace
    ['k8s-test-infra/qx-b200.xml', '1s-average'], // Blackwell
    ['telegraf/rtx-3090-v12.xml', '1s-average'], // Ampere GA102
    ['k8s-test-infra/qx-a100.xml', 'instant'], // GA100
    ['k8s-test-infra/qx-t4.xml', 'instant'], // Turing
    ['netdata/tesla-p100.xml', 'instant'], // Pascal
    ['telegraf/gtx-1660-ti.xml', 'unknown'], // 418 driver: no architecture, name 'Graphics Device'
    ['telegraf/gt-1030.xml', 'instant'], // no architecture, but a GT name
  ])('power.draw on %s is %s', (rel, kind) => {
    expect(powerReadingType('power.draw', gpu(rel))).toBe(kind);
  });

  it('power.draw.instant is instant everywhere; no field is unknown', () => {
    expect(powerReadingType('power.draw.instant', gpu('k8s-test-infra/qx-h100.xml'))).toBe('instant');
    expect(powerReadingType(null)).toBe('unknown');
  });
});
