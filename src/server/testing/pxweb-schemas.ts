import { Ajv, type ErrorObject } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/*
 * The response schemas of PxWeb API v2 as PxTools/PxApiSpecs gives them (PxAPI-2.yml, commit 264f16c,
 * "Added alternative text on content values for JSON-STAT2 output"), transcribed as JSON Schema for the
 * responses this API gives: every required field, type, enum, pattern and `additionalProperties: false`
 * of the specification, descriptions and examples left out. Two things in the specification cannot be
 * held to as written, and are said here:
 * - `VariableSelection` requires "values", a property it does not have; its generated model
 *   (src/PxWeb.Api2.Server.Models/VariableSelection.cs) requires `variableCode` alone, and so does this.
 * - `Table.updated` has `format: date-time` and a pattern for a date without a time; no string meets both.
 *   The pattern (also `Dataset.updated`'s) is held to, and `date-time` not checked there.
 * The JSON-stat 2.0 dataset schema of json-stat.org (as jsonstat/validator curates it, schemas/curated,
 * commit cab9ab30) is below it: every dataset is checked against both.
 */

const link = {
  type: 'object',
  required: ['rel', 'hreflang', 'href'],
  properties: { rel: { type: 'string' }, hreflang: { type: 'string' }, href: { type: 'string' } },
};
const links = { type: 'array', items: { $ref: '#/definitions/Link' } };
const strarray = { type: 'array', items: { type: 'string' }, uniqueItems: true };
const datePattern = '^((19|20)\\d\\d)\\-(0?[1-9]|1[012])\\-(0?[1-9]|[12][0-9]|3[01])$';
const outputFormatType = {
  type: 'string',
  enum: ['px', 'json-stat2', 'csv', 'xlsx', 'html', 'json-px', 'parquet'],
};
const outputFormatParamType = {
  type: 'string',
  enum: [
    'UseCodes',
    'UseTexts',
    'UseCodesAndTexts',
    'IncludeTitle',
    'SeparatorTab',
    'SeparatorSpace',
    'SeparatorSemicolon',
  ],
};

const definitions = {
  Link: link,
  OutputFormatType: outputFormatType,
  OutputFormatParamType: outputFormatParamType,
  Problem: {
    type: 'object',
    properties: {
      type: { type: 'string', format: 'uri' },
      title: { type: 'string' },
      status: { type: 'integer', format: 'int32', minimum: 100, exclusiveMaximum: 600 },
      detail: { type: 'string' },
      instance: { type: 'string', format: 'uri' },
    },
  },
  ConfigResponse: {
    type: 'object',
    required: [
      'apiVersion',
      'appVersion',
      'languages',
      'defaultLanguage',
      'maxDataCells',
      'maxCallsPerTimeWindow',
      'timeWindow',
      'license',
      'defaultDataFormat',
      'dataFormats',
    ],
    properties: {
      apiVersion: { type: 'string' },
      appVersion: { type: 'string' },
      languages: {
        type: 'array',
        items: {
          type: 'object',
          required: ['id', 'label'],
          properties: { id: { type: 'string' }, label: { type: 'string' } },
        },
      },
      defaultLanguage: { type: 'string' },
      maxDataCells: { type: 'integer', minimum: 0 },
      maxCallsPerTimeWindow: { type: 'integer', minimum: 1 },
      timeWindow: { type: 'integer', minimum: 1 },
      license: { type: 'string' },
      sourceReferences: {
        type: 'array',
        items: {
          type: 'object',
          required: ['language', 'text'],
          properties: { language: { type: 'string' }, text: { type: 'string' } },
        },
      },
      defaultDataFormat: { type: 'string' },
      dataFormats: { type: 'array', items: { type: 'string' } },
      features: {
        type: 'array',
        items: {
          type: 'object',
          required: ['id'],
          properties: {
            id: { type: 'string' },
            params: {
              type: 'array',
              items: {
                type: 'object',
                required: ['key', 'value'],
                properties: { key: { type: 'string' }, value: { type: 'string' } },
              },
            },
          },
        },
      },
    },
  },
  Table: {
    type: 'object',
    required: ['id', 'label', 'updated', 'firstPeriod', 'lastPeriod', 'variableNames', 'links'],
    properties: {
      id: { type: 'string' },
      label: { type: 'string', nullable: true },
      description: { type: 'string', nullable: true },
      sortCode: { type: 'string' },
      tags: { type: 'array', items: { type: 'string' } },
      updated: { type: 'string', pattern: datePattern, format: 'date-time', nullable: true },
      firstPeriod: { type: 'string', nullable: true },
      lastPeriod: { type: 'string', nullable: true },
      category: { type: 'string', enum: ['internal', 'public', 'private', 'section'] },
      variableNames: { type: 'array', items: { type: 'string' } },
      discontinued: { type: 'boolean', nullable: true },
      source: { type: 'string' },
      subjectCode: { type: 'string' },
      timeUnit: { type: 'string', enum: ['Annual', 'Quarterly', 'Monthly', 'Weekly', 'Other'] },
      paths: {
        type: 'array',
        items: {
          type: 'array',
          items: {
            type: 'object',
            required: ['id', 'label'],
            properties: { id: { type: 'string' }, label: { type: 'string' }, sortCode: { type: 'string' } },
          },
        },
      },
      links: { ...links, nullable: true },
    },
  },
  TableResponse: {
    allOf: [{ $ref: '#/definitions/Table' }],
    required: ['language'],
    properties: { language: { type: 'string' } },
  },
  TablesResponse: {
    type: 'object',
    required: ['language', 'tables', 'page'],
    properties: {
      language: { type: 'string' },
      tables: { type: 'array', items: { $ref: '#/definitions/Table' } },
      page: {
        type: 'object',
        required: ['pageNumber', 'pageSize', 'totalElements', 'totalPages'],
        properties: {
          pageNumber: { type: 'integer', format: 'int32', minimum: 1 },
          pageSize: { type: 'integer', format: 'int32', minimum: 1 },
          totalElements: { type: 'integer', format: 'int32', minimum: 0 },
          totalPages: { type: 'integer', format: 'int32', minimum: 1 },
          links,
        },
      },
      links,
    },
  },
  CodelistResponse: {
    type: 'object',
    required: ['id', 'label', 'language', 'languages', 'type', 'values', 'links'],
    properties: {
      id: { type: 'string' },
      label: { type: 'string' },
      language: { type: 'string' },
      languages: { type: 'array', items: { type: 'string' } },
      elimination: { type: 'boolean' },
      eliminationValueCode: { type: 'string' },
      type: { type: 'string', enum: ['Aggregation', 'Valueset'] },
      values: {
        type: 'array',
        items: {
          type: 'object',
          required: ['code', 'label', 'valueMap'],
          properties: {
            code: { type: 'string' },
            label: { type: 'string' },
            valueMap: { type: 'array', items: { type: 'string' } },
            notes: {
              type: 'array',
              items: {
                type: 'object',
                required: ['text'],
                properties: { mandatory: { type: 'boolean' }, text: { type: 'string' } },
              },
            },
          },
        },
      },
      links,
    },
  },
  VariablesSelection: {
    type: 'object',
    required: ['selection'],
    properties: {
      selection: {
        type: 'array',
        items: {
          type: 'object',
          required: ['variableCode'],
          properties: {
            variableCode: { type: 'string' },
            codelist: { type: 'string', nullable: true },
            valueCodes: { type: 'array', items: { type: 'string' } },
          },
        },
      },
      placement: {
        type: 'object',
        properties: {
          heading: { type: 'array', items: { type: 'string' } },
          stub: { type: 'array', items: { type: 'string' } },
        },
      },
    },
  },
  SelectionResponse: {
    allOf: [{ $ref: '#/definitions/VariablesSelection' }],
    type: 'object',
    required: ['language', 'links'],
    properties: { language: { type: 'string' }, links },
  },
  SavedQuery: {
    type: 'object',
    required: ['selection', 'language', 'tableId'],
    properties: {
      id: { type: 'string' },
      selection: { $ref: '#/definitions/VariablesSelection' },
      language: { type: 'string' },
      tableId: { type: 'string' },
      outputFormat: { $ref: '#/definitions/OutputFormatType' },
      outputFormatParams: { type: 'array', items: { $ref: '#/definitions/OutputFormatParamType' } },
    },
  },
  SavedQueryResponse: {
    type: 'object',
    required: ['language', 'id', 'savedQuery', 'links'],
    properties: {
      language: { type: 'string' },
      id: { type: 'string' },
      savedQuery: { $ref: '#/definitions/SavedQuery' },
      links,
    },
  },
  Dataset: {
    type: 'object',
    additionalProperties: false,
    required: ['version', 'class', 'value', 'id', 'size', 'dimension'],
    properties: {
      version: { type: 'string', enum: ['2.0'] },
      class: { type: 'string', enum: ['dataset'] },
      href: { type: 'string', format: 'uri' },
      label: { type: 'string' },
      source: { type: 'string' },
      updated: { type: 'string', pattern: datePattern },
      link: {
        type: 'object',
        additionalProperties: {
          type: 'array',
          items: {
            type: 'object',
            properties: { type: { type: 'string' }, href: { type: 'string', format: 'uri' } },
            additionalProperties: false,
          },
        },
      },
      note: { type: 'array', items: { type: 'string' } },
      role: {
        type: 'object',
        properties: { time: strarray, geo: strarray, metric: strarray },
        additionalProperties: false,
      },
      id: strarray,
      size: { type: 'array', items: { type: 'integer' } },
      dimension: {
        type: 'object',
        additionalProperties: {
          type: 'object',
          additionalProperties: false,
          properties: {
            label: { type: 'string' },
            note: { type: 'array', items: { type: 'string' } },
            category: {
              type: 'object',
              additionalProperties: false,
              properties: {
                index: { type: 'object', additionalProperties: { type: 'integer' } },
                label: { type: 'object', minProperties: 1, additionalProperties: { type: 'string' } },
                note: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
                child: { type: 'object', additionalProperties: strarray },
                unit: {
                  type: 'object',
                  additionalProperties: {
                    type: 'object',
                    properties: { base: { type: 'string' }, decimals: { type: 'integer' } },
                  },
                },
              },
            },
            extension: {
              type: 'object',
              properties: {
                elimination: { type: 'boolean' },
                eliminationValueCode: { type: 'string' },
                noteMandatory: { type: 'object', additionalProperties: { type: 'boolean' } },
                categoryNoteMandatory: {
                  type: 'object',
                  additionalProperties: { type: 'object', additionalProperties: { type: 'boolean' } },
                },
                refperiod: { type: 'object', additionalProperties: { type: 'string' } },
                show: { type: 'string' },
                codelists: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['id', 'label', 'type', 'links'],
                    properties: {
                      id: { type: 'string' },
                      label: { type: 'string' },
                      type: { type: 'string', enum: ['Aggregation', 'Valueset'] },
                      links,
                    },
                  },
                },
                measuringType: {
                  type: 'object',
                  additionalProperties: { type: 'string', enum: ['Stock', 'Flow', 'Average', 'Other'] },
                },
                priceType: {
                  type: 'object',
                  additionalProperties: { type: 'string', enum: ['NotApplicable', 'Current', 'Fixed'] },
                },
                adjustment: {
                  type: 'object',
                  additionalProperties: {
                    type: 'string',
                    enum: ['None', 'SesOnly', 'WorkOnly', 'WorkAndSes'],
                  },
                },
                basePeriod: { type: 'object', additionalProperties: { type: 'string' } },
                alternativeText: { type: 'object', additionalProperties: { type: 'string' } },
              },
            },
            link: { type: 'object' },
          },
        },
      },
      extension: {
        type: 'object',
        properties: {
          noteMandatory: { type: 'object', additionalProperties: { type: 'boolean' } },
          px: {
            type: 'object',
            properties: {
              infofile: { type: 'string' },
              tableid: { type: 'string' },
              decimals: { type: 'integer' },
              'official-statistics': { type: 'boolean' },
              aggregallowed: { type: 'boolean' },
              copyright: { type: 'boolean' },
              language: { type: 'string' },
              contents: { type: 'string' },
              description: { type: 'string' },
              descriptiondefault: { type: 'boolean' },
              heading: { type: 'array', items: { type: 'string' } },
              stub: { type: 'array', items: { type: 'string' } },
              matrix: { type: 'string' },
              'subject-code': { type: 'string' },
              'subject-area': { type: 'string' },
              nextUpdate: { type: 'string', pattern: datePattern },
              survey: { type: 'string' },
              link: { type: 'string' },
              updateFrequency: { type: 'string' },
            },
          },
          firstPeriod: { type: 'string' },
          lastPeriod: { type: 'string' },
          tags: { type: 'array', items: { type: 'string' } },
          discontinued: { type: 'boolean', nullable: true },
          contact: {
            type: 'array',
            items: {
              type: 'object',
              required: ['raw'],
              properties: {
                name: { type: 'string' },
                organization: { type: 'string' },
                phone: { type: 'string' },
                mail: { type: 'string' },
                raw: { type: 'string' },
              },
            },
          },
        },
      },
      value: { type: 'array', nullable: true, items: { type: 'number', format: 'double', nullable: true } },
      status: { type: 'object', additionalProperties: { type: 'string' } },
    },
  },
} as const;

/** json-stat.org's JSON-stat 2.0 dataset schema: the dataset class, its dimensions and categories. */
const jsonStatDataset = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  additionalProperties: false,
  required: ['version', 'class', 'value', 'id', 'size', 'dimension'],
  properties: {
    class: { type: 'string', enum: ['dataset'] },
    version: { type: 'string', enum: ['2.0'] },
    href: { type: 'string', format: 'uri' },
    label: { type: 'string' },
    note: strarray,
    link: { type: 'object' },
    updated: {
      oneOf: [
        { type: 'string', format: 'date-time' },
        { type: 'string', pattern: '^((19|20)\\d\\d)-(0?[1-9]|1[012])-(0?[1-9]|[12][0-9]|3[01])$' },
      ],
    },
    source: { type: 'string' },
    error: { type: 'array' },
    extension: { type: 'object' },
    id: strarray,
    size: { type: 'array', items: { type: 'integer' } },
    role: {
      type: 'object',
      properties: { time: strarray, geo: strarray, metric: strarray },
      additionalProperties: false,
    },
    dimension: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['category'],
        properties: {
          href: { type: 'string', format: 'uri' },
          label: { type: 'string' },
          note: strarray,
          link: { type: 'object' },
          extension: { type: 'object' },
          category: {
            type: 'object',
            additionalProperties: false,
            properties: {
              index: {
                oneOf: [strarray, { type: 'object', additionalProperties: { type: 'number' } }],
              },
              label: { type: 'object', minProperties: 1, additionalProperties: { type: 'string' } },
              note: { type: 'object', additionalProperties: strarray },
              unit: {
                type: 'object',
                additionalProperties: {
                  type: 'object',
                  properties: {
                    label: { type: 'string' },
                    decimals: { type: 'integer' },
                    position: { type: 'string', enum: ['start', 'end'] },
                  },
                },
              },
              coordinates: {
                type: 'object',
                additionalProperties: {
                  type: 'array',
                  prefixItems: [{ type: 'number' }, { type: 'number' }],
                  minItems: 2,
                  items: false,
                },
              },
              child: { type: 'object', additionalProperties: strarray },
            },
          },
        },
      },
    },
    value: {
      oneOf: [
        { type: 'array', items: { anyOf: [{ type: 'number' }, { type: 'null' }, { type: 'string' }] } },
        {
          type: 'object',
          additionalProperties: { anyOf: [{ type: 'number' }, { type: 'null' }, { type: 'string' }] },
        },
      ],
    },
    status: {
      oneOf: [
        { type: 'string' },
        { type: 'array', items: { type: ['string', 'null'] } },
        { type: 'object', additionalProperties: { type: 'string' } },
      ],
    },
  },
};

export type PxwebSchema = Exclude<
  keyof typeof definitions,
  'Link' | 'OutputFormatType' | 'OutputFormatParamType'
>;

// The specification's date pattern escapes "-" ("\\-"), which JavaScript's Unicode mode refuses: its
// patterns are compiled without it, as the pattern's own (non-Unicode) dialect reads them.
const withoutUnicode = Object.assign(
  (pattern: string, flags: string) => new RegExp(pattern, flags.replace('u', '')),
  {
    code: 'new RegExp',
  },
);
const pxweb = new Ajv({
  allErrors: true,
  strict: true,
  strictTypes: false,
  code: { regExp: withoutUnicode },
});
addFormats.default(pxweb);
pxweb.addFormat('date-time', true); // see above: the specification's pattern decides
pxweb.addSchema({ $id: 'pxweb', definitions });
const jsonStat = new Ajv2020({ allErrors: true, strict: true });
addFormats.default(jsonStat);
const validateJsonStat = jsonStat.compile(jsonStatDataset);

const describe = (errors: ErrorObject[] | null | undefined) =>
  (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`).join('; ');

/**
 * The faults a response has against a schema of PxWeb API v2 (and, for a dataset, json-stat.org's
 * JSON-stat 2.0 schema too); none for a response both accept.
 */
export function pxwebFaults(schema: PxwebSchema, body: unknown): string {
  const validate = pxweb.getSchema(`pxweb#/definitions/${schema}`)!;
  const faults = validate(body) ? [] : [`PxWeb ${schema}: ${describe(validate.errors)}`];
  if (schema === 'Dataset' && !validateJsonStat(body))
    faults.push(`json-stat.org dataset: ${describe(validateJsonStat.errors)}`);
  return faults.join('\n');
}
