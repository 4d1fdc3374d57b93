import { SETTINGS } from "../../ast/types.js";
import { computed, read, readUnit } from "../evidence.js";
import { defineRule } from "../rule.js";
import { lastItem } from "../shared/structure-units.js";
import { unitLabel, unitsOfKind } from "../shared/units.js";

export const branchSetting = defineRule({
  code: "ORG104",
  name: "branch-setting",
  severity: "error",
  category: "structure",
  summary: "A branch party organization is established at a workplace or production site (`setting workplace`).",
  citation: {
    section: "Primary Party Organizations, Branch Party Organizations and Sub-primary Party Organizations",
    quote:
      "Branch party organizations (a sectional party organization) are established at workplaces and production sites (“functional units”) with more than 31 party members and candidate party members.",
  },
  options: {},
  docs: {
    description:
      "A `branch` must say where it is established, and that place must be a workplace or production site: `setting workplace`. " +
      "Any other setting (`government`, `residential`, ...) is reported on the `setting` line; a branch with no `setting` at all is reported on its identifier in the header.\n\n" +
      "A setting word the language does not know is already a syntax error (ORG001); this rule stays silent about it.",
    failing: `primary steel "Steel Complex Primary Party Organization" {
  under sinuiju
  setting workplace
}
branch admin "Steel Complex Administration Branch" {
  under steel
  setting government
}`,
    passing: `primary steel "Steel Complex Primary Party Organization" {
  under sinuiju
  setting workplace
}
branch rolling "Steel Complex Rolling Mill Branch" {
  under steel
  setting workplace
}`,
  },
  check({ model, report }) {
    for (const unit of unitsOfKind(model, ["branch"])) {
      const setting = lastItem(unit, "setting");
      if (!setting) {
        report({
          file: unit.file,
          span: unit.decl.id.span,
          message: `${unitLabel(unit)} has no \`setting\`; a branch party organization is established at a workplace or production site (\`setting workplace\`)`,
          subject: `unit:${unit.id}/setting`,
          evidence: [readUnit(unit), computed("its body has no `setting` line")],
        });
        continue;
      }
      const value = setting.value.name;
      if (value === "workplace" || !(SETTINGS as readonly string[]).includes(value)) continue;
      report({
        file: unit.file,
        span: setting.span,
        message: `${unitLabel(unit)} has \`setting ${value}\`; a branch party organization is established at a workplace or production site (\`setting workplace\`)`,
        subject: `unit:${unit.id}/setting:${value}`,
        evidence: [readUnit(unit), read(`setting ${value}`, unit.file, setting.span)],
      });
    }
  },
});
