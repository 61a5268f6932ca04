package org.mesosim.cli.papers;

import java.util.ArrayList;
import java.util.List;

/** Every reproduction, in the order of {@code docs/validation.md}. */
public final class Papers {
  private Papers() {}

  public static List<Reproduction> all() {
    List<Reproduction> l = new ArrayList<>();
    l.add(new DrfReproductions.Section4());
    l.add(new DrfReproductions.AssetFairness());
    l.add(new DrfReproductions.Properties());
    l.add(new DrfDynamicSharing());
    l.add(new SectionSixAndSeven.DrfVsSlots());
    l.add(new SectionSixAndSeven.MesosFailover());
    l.add(new MesosSharing());
    l.add(new MesosLocality());
    l.add(new OmegaReproductions.Fig7());
    return List.copyOf(l);
  }

  public static List<String> names() {
    return all().stream().map(Reproduction::name).toList();
  }
}
