// One-line descriptions of statements for outlines (document symbols).
import type { EventBody, EventStatement, SeriesStatement } from "./api.js";

export function eventText(body: EventBody): string {
  switch (body.type) {
    case "gathering":
      return `${body.gathering.replace("-", " ")} ${body.unit.name}`;
    case "report":
      return `report ${body.unit.name} to ${body.recipients.map((recipient) => recipient.name).join(", ")}`;
    case "application":
      return `application ${body.applicant.name} to ${body.unit.name}`;
    case "review":
      return `review ${body.person.name} at ${body.unit.name}`;
    case "forward":
      return `forward ${body.person.name} to ${body.unit.name}`;
    case "decision":
      return `${body.verb} ${body.person.name} by ${body.unit.name}`;
    case "transfer":
      return `transfer ${body.person.name} from ${body.from.name} to ${body.to.name}`;
  }
}

export function statementText(statement: EventStatement | SeriesStatement): string {
  if (statement.type === "event") return `${statement.date.text} ${eventText(statement.event)}`;
  const interval = statement.interval ? `every ${statement.interval.count} ${statement.interval.unit}${statement.interval.count === 1 ? "" : "s"}` : "every";
  return `${interval} ${statement.from.text}…${statement.to.text} ${eventText(statement.event)}`;
}
