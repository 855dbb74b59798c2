// Tests powerReadable on every recorded inventory: only boards whose power draw reads N/A cannot be measured.
import { expect, it } from 'vitest';
import { parseInventoryXml } from '../../harness/gpu/parse-inventory-xml.ts';
import { powerReadable } from '../../harness/gpu/power-readable.ts';
import { describeShared } from '../support/describe-shared.ts';
import { fixtureFiles, readFixture } from './fixture-paths.ts';

describeShared('powerReadable', () => {
  it('of the 28 recorded inventories, the three whose power draw reads N/A are not readable', () => {
    const unreadable = fixtureFiles('xml', '.xml').filter((rel) =>
      parseInventoryXml(readFixture(rel)).gpus.some((g) => !powerReadable(g).readable),
    );
    // Quadro P400 (418): draw and every limit N/A; GT 1030: draw N/A, limits given; GTX 1070 Ti: a fragment, no draw.
    expect(unreadable).toEqual([
      'xml/telegraf/gt-1030.xml',
      'xml/telegraf/gtx-1070-ti.xml',
      'xml/telegraf/quadro-p400.xml',
    ]);
  });

  it('an A100 reading only an instant draw (average N/A) is readable', () => {
    expect(powerReadable(parseInventoryXml(readFixture('xml/k8s-test-infra/qx-a100.xml')).gpus[0]!)).toEqual({
      readable: true,
    });
  });

  it('a vGPU guest is named as such', () => {
    // No vGPU guest was recorded: the real A100 inventory edited as one would read (mode VGPU, draws N/A).
    const xml = readFixture('xml/k8s-test-infra/qx-a100.xml')
      .replace(/<virtualization_mode>[^<]*</, '<virtualization_mode>VGPU<')
      .replace(/<instant_power_draw>[^<]*</, '<instant_power_draw>N/A<');
    const g = parseInventoryXml(xml).gpus[0]!;
    expect([g.virtualizationMode, g.power.drawW]).toEqual(['VGPU', null]);
    expect(powerReadable(g)).toEqual({
      readable: false,
      why: 'power draw N/A: a vGPU guest reads no power (measure on the host, or on a passed-through GPU)',
    });
  });
});
