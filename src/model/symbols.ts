// The program's one symbol table and name lookup. Units, people and
// residences share one namespace; a name is declared once (ORG003). Lookups
// record every reference (for the language server) and report ORG002 and
// ORG005.
import type { Identifier, Span, StringValue } from "../ast/types.js";
import { LANGUAGE_CODES } from "../diagnostics/language.js";
import type { Diagnostic, RelatedLocation } from "../diagnostics/types.js";
import { NameSuggester, type SuggesterMemory } from "../util/name-index.js";
import type { DeclarationKind, NamedSymbol, Person, PersonDeclaration, Reference, Residence, SymbolKind, Unit } from "./types.js";

type KindOf<K extends SymbolKind> = Extract<NamedSymbol, { kind: K }>;

const KIND_WORDS: Record<SymbolKind, string> = { unit: "a unit", person: "a person", residence: "a residence" };

export function describeSymbol(symbol: NamedSymbol): string {
  if (symbol.kind === "unit") return symbol.unitKind === "committee" ? "a committee" : `a ${symbol.unitKind}`;
  return KIND_WORDS[symbol.kind];
}

export class SymbolTable {
  readonly symbols = new Map<string, NamedSymbol>();
  readonly references: Reference[] = [];
  readonly diagnostics: Diagnostic[] = [];
  /** Suggesters over the names of each kind, and over all names (`null`). */
  private readonly suggesters = new Map<SymbolKind | null, NameSuggester>();

  /** `memory`: suggesters kept across resolves, for lists of names equal to theirs. */
  constructor(private readonly memory: SuggesterMemory | null = null) {}

  /** Declares a unit or residence; a second declaration of the name is ORG003. */
  declare(symbol: Unit | Residence, file: string, id: Identifier): boolean {
    const existing = this.symbols.get(id.name);
    if (existing) {
      this.duplicate(file, id, `\`${id.name}\` is already declared as ${describeSymbol(existing)}`);
      return false;
    }
    this.symbols.set(id.name, symbol);
    this.declared();
    return true;
  }

  /**
   * Introduces a person (roster entry, `person`, application). Several
   * introductions of one person are allowed where the caller says so; their
   * names must agree. Returns the person, or `null` when the name belongs to
   * a unit or residence.
   */
  introducePerson(
    file: string,
    id: Identifier,
    kind: DeclarationKind,
    personName: StringValue | null,
    create: (declaration: PersonDeclaration) => Person,
  ): Person | null {
    const existing = this.symbols.get(id.name);
    if (existing && existing.kind !== "person") {
      this.duplicate(file, id, `\`${id.name}\` is already declared as ${describeSymbol(existing)}`);
      return null;
    }
    let person = existing as Person | undefined;
    const declaration: PersonDeclaration = { kind, file, id };
    if (!person) {
      // Created with its first declaration (a one-slot array: most people have one).
      person = create(declaration);
      this.symbols.set(id.name, person);
      this.declared();
    } else {
      if (personName && person.name !== null && person.name !== personName.value) {
        this.duplicate(
          file,
          id,
          `\`${id.name}\` is named "${personName.value}" here but "${person.name}" where first declared`,
        );
      }
      person.declarations.push(declaration);
    }
    if (person.name === null && personName) person.name = personName.value;
    this.references.push({ file, span: id.span, name: id.name, symbol: person });
    return person;
  }

  duplicate(file: string, id: Identifier, message: string): void {
    const first = this.firstDeclaration(id.name);
    const related: RelatedLocation[] = first ? [{ ...first, message: `\`${id.name}\` first declared here` }] : [];
    const entry = LANGUAGE_CODES.duplicate;
    this.diagnostics.push({ code: entry.code, name: entry.name, severity: entry.severity, message, file, span: id.span, related });
  }

  recordDeclarationReference(file: string, id: Identifier, symbol: NamedSymbol): void {
    this.references.push({ file, span: id.span, name: id.name, symbol });
  }

  /**
   * Resolves a use of a name that must be of `kind`. Reports ORG002 when
   * nothing declares it and ORG005 when it is of another kind; returns `null`
   * then, so rules stay silent about what they cannot know.
   */
  lookup<K extends SymbolKind>(file: string, ref: Identifier, kind: K, role: string): KindOf<K> | null {
    const symbol = this.symbols.get(ref.name);
    if (!symbol) {
      const suggestions = this.suggest(ref.name, kind);
      const hint = suggestions.length > 0 ? `; did you mean ${suggestions.map((name) => `\`${name}\``).join(" or ")}?` : "";
      const what = kind === "residence" ? "residence" : "unit or person";
      const entry = LANGUAGE_CODES.unresolved;
      this.diagnostics.push({
        code: entry.code,
        name: entry.name,
        severity: entry.severity,
        message: `no ${what} named \`${ref.name}\`${hint}`,
        file,
        span: ref.span,
        related: [],
        data: { name: ref.name, expected: kind, suggestions },
        // Another name means another unit or person: never applied without --unsafe-fixes.
        fixes: suggestions.map((name) => ({ title: `Replace with \`${name}\``, safety: "unsafe", edits: [{ file, span: ref.span, newText: name }] })),
      });
      return null;
    }
    this.references.push({ file, span: ref.span, name: ref.name, symbol });
    if (symbol.kind !== kind) {
      const entry = LANGUAGE_CODES.wrongKind;
      const first = this.firstDeclaration(ref.name);
      this.diagnostics.push({
        code: entry.code,
        name: entry.name,
        severity: entry.severity,
        message: `${role} must be ${KIND_WORDS[kind]}, but \`${ref.name}\` is ${describeSymbol(symbol)}`,
        file,
        span: ref.span,
        related: first ? [{ ...first, message: `\`${ref.name}\` declared here` }] : [],
      });
      return null;
    }
    return symbol as KindOf<K>;
  }

  /** Where a name was first declared (for "declared here" related locations): read off its symbol, not kept for every name. */
  private firstDeclaration(name: string): { file: string; span: Span } | null {
    const symbol = this.symbols.get(name);
    if (!symbol) return null;
    if (symbol.kind !== "person") return { file: symbol.file, span: symbol.decl.id.span };
    const first = symbol.declarations[0];
    return first ? { file: first.file, span: first.id.span } : null;
  }

  /** Declared names close to `name`, those of the expected kind first. */
  suggest(name: string, kind: SymbolKind): string[] {
    // Names are looked up once every name is declared: the names of each kind
    // are listed once, and each suggester answers a misspelling repeated (or asked twice) once.
    const best = this.suggester(kind).closest(name);
    return best.length > 0 ? best : this.suggester(null).closest(name);
  }

  /** The suggester over the names of `kind` (every name: `null`), in the order declared. */
  private suggester(kind: SymbolKind | null): NameSuggester {
    let suggester = this.suggesters.get(kind);
    if (!suggester) {
      const names: string[] = [];
      // forEach, not for-of over entries: no [key, value] array per name.
      this.symbols.forEach((symbol, key) => {
        if (kind === null || symbol.kind === kind) names.push(key);
      });
      suggester = this.memory ? this.memory.suggester(names) : new NameSuggester(names);
      this.suggesters.set(kind, suggester);
    }
    return suggester;
  }

  /** Forgets the suggesters, and so their answers, when a name is declared. */
  private declared(): void {
    if (this.suggesters.size > 0) this.suggesters.clear();
  }
}
