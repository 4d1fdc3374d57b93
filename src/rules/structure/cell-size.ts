import { defineRule } from "../rule.js";
import { sizeEvidence, sizeFact } from "../shared/structure-units.js";

export const cellSize = defineRule({
  code: "ORG101",
  name: "cell-size",
  severity: "error",
  category: "structure",
  summary: "A cell has 5 to 30 members and candidates.",
  citation: {
    section: "Party Cells",
    quote: "The party cell consists of between five (5) and 30 party members and candidate party members",
  },
  options: {
    min: { type: "integer", default: 5, description: "Fewest members and candidates a cell may have." },
    max: { type: "integer", default: 30, description: "Most members and candidates a cell may have." },
  },
  docs: {
    description:
      "Counts the distinct members and candidates in the cell's roster and the rosters of units under it. " +
      "A cell of exactly 31 fits no form in the bylaws: cells have at most 30, primary and branch organizations more than 31; the message says so.",
    failing: `cell tiny "Sawmill Cell" {
  under uiju
  member a "A" joined 2010-01-01
  member b "B" joined 2010-01-01
  member c "C" joined 2010-01-01
  member d "D" joined 2010-01-01
}`,
    passing: `cell five "Brickworks Cell" {
  under uiju
  member a "A" joined 2010-01-01
  member b "B" joined 2010-01-01
  member c "C" joined 2010-01-01
  member d "D" joined 2010-01-01
  member e "E" joined 2010-01-01
}`,
  },
  check({ model, options, report }) {
    for (const unit of model.units) {
      if (unit.unitKind !== "cell") continue;
      if (unit.size >= options.min && unit.size <= options.max) continue;
      const counted = sizeFact(unit);
      let message: string;
      if (unit.size < options.min) message = `${counted}; a party cell needs ${options.min} to ${options.max}`;
      // The bylaws' own gap: cells have at most 30, primary and branch
      // organizations more than 31, so a unit of exactly 31 fits no form.
      else if (unit.size === 31 && options.max === 30)
        message = `${counted}: too many for a party cell (${options.min} to ${options.max}) and too few for a primary or branch party organization (more than 31); no form in the bylaws fits it`;
      else message = `${counted}; a party cell has at most ${options.max} (more than 31 form a primary party organization)`;
      report({ file: unit.file, span: unit.decl.id.span, message, subject: `unit:${unit.id}/size`, evidence: sizeEvidence(unit), data: { size: unit.size, min: options.min, max: options.max } });
    }
  },
});
