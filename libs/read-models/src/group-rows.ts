import type { EntityManager, EntityMetadata, ValueTransformer } from 'typeorm';

type ColumnMetadata = EntityMetadata['columns'][number];

/**
 * A projection table's groups read and written by plain statements built once from the entity's
 * metadata, in place of TypeORM's repository (which builds and parameterises every statement anew:
 * with its hydration, a tenth of a rebuild's time and much of its garbage). Rows come back shaped as
 * TypeORM hydrates them (pg's types, then each column's transformer); rows go in as one jsonb
 * parameter expanded by jsonb_populate_recordset, whatever their number.
 */
export class GroupRows {
  private readonly columns: ColumnMetadata[];
  private readonly transformed: ColumnMetadata[];
  private readonly select: string;
  private readonly insert: string;
  private readonly remove: string;

  private constructor(metadata: EntityMetadata, groupBy: string) {
    const group = metadata.findColumnWithPropertyName(groupBy);
    if (!group || typeof group.type !== 'string') throw new Error(`${metadata.name}.${groupBy} is not a column of a plain database type`);
    for (const column of metadata.columns) {
      if (column.embeddedMetadata || column.relationMetadata) throw new Error(`${metadata.name}.${column.propertyName}: embedded and relation columns are not supported here`);
      if (typeof column.default === 'function') throw new Error(`${metadata.name}.${column.propertyName}: a default computed by the database is not supported here`);
    }
    this.columns = metadata.columns;
    this.transformed = metadata.columns.filter((c) => c.transformer);
    const table = metadata.tablePath;
    const names = this.columns.map((c) => `"${c.databaseName}"`).join(', ');
    const inGroups = `"${group.databaseName}" = ANY ($1::${group.type}[])`;
    this.select = `SELECT ${this.columns.map((c) => `"${c.databaseName}" AS "${c.propertyName}"`).join(', ')} FROM ${table} WHERE ${inGroups}`;
    this.remove = `DELETE FROM ${table} WHERE ${inGroups}`;
    this.insert = `INSERT INTO ${table} (${names}) SELECT ${names} FROM jsonb_populate_recordset(NULL::${table}, $1::jsonb)`;
  }

  private static readonly built = new WeakMap<EntityMetadata, Map<string, GroupRows>>();

  /** The statements for an entity's table (per data source: a blue-green build's table has its own name), built once. */
  static of(metadata: EntityMetadata, groupBy: string): GroupRows {
    let byGroup = GroupRows.built.get(metadata);
    if (!byGroup) GroupRows.built.set(metadata, (byGroup = new Map()));
    let rows = byGroup.get(groupBy);
    if (!rows) byGroup.set(groupBy, (rows = new GroupRows(metadata, groupBy)));
    return rows;
  }

  /** Every row of these groups. */
  async read(tx: EntityManager, groups: readonly unknown[]): Promise<object[]> {
    if (groups.length === 0) return [];
    const rows: Array<Record<string, unknown>> = await tx.query(this.select, [groups]);
    if (this.transformed.length) {
      for (const row of rows) for (const column of this.transformed) row[column.propertyName] = applyFrom(column, row[column.propertyName]);
    }
    return rows;
  }

  /** Deletes every row of these groups. */
  async delete(tx: EntityManager, groups: readonly unknown[]): Promise<void> {
    if (groups.length) await tx.query(this.remove, [groups]);
  }

  /** Inserts the rows in one statement: each column's value through its transformer, its default for a value left undefined. */
  async write(tx: EntityManager, rows: readonly object[]): Promise<void> {
    if (rows.length === 0) return;
    const records = rows.map((row) => {
      const record: Record<string, unknown> = {};
      for (const column of this.columns) {
        let value = (row as Record<string, unknown>)[column.propertyName];
        if (value === undefined && column.default !== undefined) value = column.default;
        if (column.transformer) value = applyTo(column, value);
        record[column.databaseName] = value ?? null;
      }
      return record;
    });
    await tx.query(this.insert, [JSON.stringify(records)]);
  }
}

const transformers = (column: ColumnMetadata): ValueTransformer[] => (Array.isArray(column.transformer) ? column.transformer : [column.transformer!]);
const applyFrom = (column: ColumnMetadata, value: unknown) => transformers(column).reduceRight<unknown>((v, t) => t.from(v), value);
const applyTo = (column: ColumnMetadata, value: unknown) => transformers(column).reduce<unknown>((v, t) => t.to(v), value);
