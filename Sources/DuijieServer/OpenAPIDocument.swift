// Written by scripts/embed-openapi from docs/openapi.json: edit that file, then run the script.

/// The OpenAPI 3.1 description of the API, served at `/openapi.json`.
enum OpenAPIDocument {
    /// The document's text, as docs/openapi.json holds it.
    static let json = #"""
{
  "openapi": "3.1.0",
  "info": {
    "title": "Duijie workbench API",
    "version": "1",
    "description": "Shortlists, records, cases and clients of a Duijie server (duijie serve). Sign in with POST /api/session; send the token as `Authorization: Bearer TOKEN`. The page uses the session cookie and sends `X-CSRF-Token` on every change."
  },
  "servers": [
    {
      "url": "http://127.0.0.1:8080"
    }
  ],
  "security": [
    {
      "bearer": []
    },
    {
      "cookie": []
    }
  ],
  "paths": {
    "/api/session": {
      "post": {
        "summary": "Sign in",
        "security": [],
        "operationId": "signIn",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/SignIn"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Signed in",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/NewSession"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Invalid"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "413": {
            "$ref": "#/components/responses/TooLarge"
          }
        }
      },
      "get": {
        "summary": "The signed-in user",
        "operationId": "currentSession",
        "responses": {
          "200": {
            "description": "The session",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Session"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          }
        }
      },
      "delete": {
        "summary": "Sign out",
        "operationId": "signOut",
        "responses": {
          "204": {
            "description": "Signed out"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          }
        }
      }
    },
    "/api/shortlists": {
      "post": {
        "summary": "A ranked, explained shortlist for a record or a text",
        "operationId": "shortlist",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ShortlistRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The shortlist",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Shortlist"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Invalid"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "413": {
            "$ref": "#/components/responses/TooLarge"
          }
        }
      }
    },
    "/api/shortlists/export": {
      "post": {
        "summary": "A shortlist as a file for a client",
        "operationId": "exportShortlist",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ExportRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The file",
            "content": {
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
                "schema": {
                  "type": "string",
                  "contentEncoding": "binary"
                }
              },
              "text/csv": {
                "schema": {
                  "type": "string"
                }
              },
              "text/markdown": {
                "schema": {
                  "type": "string"
                }
              },
              "application/x-ndjson": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Invalid"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "413": {
            "$ref": "#/components/responses/TooLarge"
          }
        }
      }
    },
    "/api/records": {
      "get": {
        "summary": "Search records by text (or id)",
        "operationId": "searchRecords",
        "parameters": [
          {
            "name": "q",
            "in": "query",
            "required": true,
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 500
            },
            "example": "储能"
          },
          {
            "name": "kind",
            "in": "query",
            "schema": {
              "$ref": "#/components/schemas/Target"
            }
          },
          {
            "name": "top",
            "in": "query",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 200
            }
          }
        ],
        "responses": {
          "200": {
            "description": "Matches, best first",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/RecordSearch"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Invalid"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          }
        }
      },
      "post": {
        "summary": "Add or replace a record (commits a generation of the live index)",
        "operationId": "putRecord",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/RecordInput"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Replaced",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/RecordChange"
                }
              }
            }
          },
          "201": {
            "description": "Added",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/RecordChange"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Invalid"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/TooLarge"
          }
        }
      }
    },
    "/api/records/{id}": {
      "parameters": [
        {
          "name": "id",
          "in": "path",
          "required": true,
          "schema": {
            "type": "string"
          },
          "example": "D-1012"
        }
      ],
      "get": {
        "summary": "A record",
        "operationId": "getRecord",
        "responses": {
          "200": {
            "description": "The record",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Record"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          }
        }
      },
      "delete": {
        "summary": "Remove a record (commits a generation of the live index)",
        "operationId": "removeRecord",
        "responses": {
          "200": {
            "description": "Removed",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/RecordRemoval"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Invalid"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          }
        }
      }
    },
    "/api/cases": {
      "get": {
        "summary": "The cases the user may see, newest first",
        "operationId": "listCases",
        "parameters": [
          {
            "name": "broker",
            "in": "query",
            "schema": {
              "type": "integer"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "Cases",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "cases"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "cases": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Case"
                      }
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Invalid"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          }
        }
      },
      "post": {
        "summary": "Save a shortlist as a case, as it was shown",
        "operationId": "createCase",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/NewCase"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Saved",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Case"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Invalid"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/TooLarge"
          }
        }
      }
    },
    "/api/cases/{id}": {
      "parameters": [
        {
          "name": "id",
          "in": "path",
          "required": true,
          "schema": {
            "type": "integer",
            "minimum": 1
          },
          "example": 1
        }
      ],
      "get": {
        "summary": "A case with its results and history",
        "operationId": "getCase",
        "responses": {
          "200": {
            "description": "The case",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CaseDetail"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Invalid"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          }
        }
      }
    },
    "/api/cases/{id}/results/{recordID}/status": {
      "parameters": [
        {
          "name": "id",
          "in": "path",
          "required": true,
          "schema": {
            "type": "integer",
            "minimum": 1
          },
          "example": 1
        },
        {
          "name": "recordID",
          "in": "path",
          "required": true,
          "schema": {
            "type": "string"
          },
          "example": "A-4003"
        }
      ],
      "put": {
        "summary": "Change a result's status, with a note",
        "operationId": "setStatus",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/StatusChange"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Changed",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "caseID",
                    "recordID",
                    "status"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "caseID": {
                      "type": "integer"
                    },
                    "recordID": {
                      "type": "string"
                    },
                    "status": {
                      "$ref": "#/components/schemas/Status"
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Invalid"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "413": {
            "$ref": "#/components/responses/TooLarge"
          }
        }
      }
    },
    "/api/cases/{id}/notes": {
      "parameters": [
        {
          "name": "id",
          "in": "path",
          "required": true,
          "schema": {
            "type": "integer",
            "minimum": 1
          },
          "example": 1
        }
      ],
      "post": {
        "summary": "Add a note to a case",
        "operationId": "addNote",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "required": [
                  "text"
                ],
                "additionalProperties": false,
                "properties": {
                  "text": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 10000
                  }
                }
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Added",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "caseID"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "caseID": {
                      "type": "integer"
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Invalid"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "413": {
            "$ref": "#/components/responses/TooLarge"
          }
        }
      }
    },
    "/api/clients": {
      "get": {
        "summary": "The user's clients (an admin: everyone's)",
        "operationId": "listClients",
        "responses": {
          "200": {
            "description": "Clients",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "clients"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "clients": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Client"
                      }
                    }
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          }
        }
      },
      "post": {
        "summary": "Add a client",
        "operationId": "addClient",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "required": [
                  "name"
                ],
                "additionalProperties": false,
                "properties": {
                  "name": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 200
                  },
                  "contact": {
                    "type": "string",
                    "maxLength": 500
                  }
                }
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Added",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Client"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Invalid"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "413": {
            "$ref": "#/components/responses/TooLarge"
          }
        }
      }
    },
    "/api/users": {
      "get": {
        "summary": "The workbench's users",
        "operationId": "listUsers",
        "responses": {
          "200": {
            "description": "Users",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "users"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "users": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/User"
                      }
                    }
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          }
        }
      }
    },
    "/api/stats": {
      "get": {
        "summary": "A period's deals, brokers and funnel (as duijie stats reports them)",
        "operationId": "statistics",
        "description": "Deals signed in the period and their value (万元) in total and by contract type, field, seller kind, IP type and seller region, each beside the same days a year earlier; the brokers' deals, value and fees (a broker sees only their own line); and the funnel of the cases opened in the period with the median days between stages.",
        "parameters": [
          {
            "name": "period",
            "in": "query",
            "required": true,
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 40
            },
            "example": "2026H1",
            "description": "2026, 2026H1, 2026Q3 or 2026-01-01..2026-03-31"
          },
          {
            "name": "language",
            "in": "query",
            "schema": {
              "type": "string",
              "enum": [
                "zh",
                "en"
              ]
            },
            "description": "the language of the groups' names (default zh)"
          }
        ],
        "responses": {
          "200": {
            "description": "The figures",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Statistics"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Invalid"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          }
        }
      }
    },
    "/api/deals": {
      "get": {
        "summary": "The deals the user may see (admins: all; brokers: those they broker; viewers: none)",
        "operationId": "listDeals",
        "parameters": [
          {
            "name": "period",
            "in": "query",
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 40
            },
            "example": "2026H1",
            "description": "only deals signed in this period: 2026, 2026H1, 2026Q3 or 2026-01-01..2026-03-31"
          }
        ],
        "responses": {
          "200": {
            "description": "The deals, by signing day",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "deals"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "deals": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Deal"
                      }
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Invalid"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          }
        }
      },
      "post": {
        "summary": "Record a deal (成交), checked as an imported deals.jsonl line is",
        "operationId": "addDeal",
        "description": "Enumerations by code or Chinese name, values in 万元, days as YYYY-MM-DD. A broker records deals they broker (with no brokers given, they are the broker) from cases they may change; a viewer records none.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/DealInput"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Recorded",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Deal"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Invalid"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "413": {
            "$ref": "#/components/responses/TooLarge"
          }
        }
      }
    },
    "/api/events": {
      "get": {
        "summary": "The matchmaking events held",
        "operationId": "listEvents",
        "responses": {
          "200": {
            "description": "The events, by day",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "events"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "events": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Event"
                      }
                    }
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          }
        }
      },
      "post": {
        "summary": "Record an event held and its meetings",
        "operationId": "addEvent",
        "description": "Brokers and admins; a viewer records none.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/EventInput"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Recorded",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Event"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Invalid"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "413": {
            "$ref": "#/components/responses/TooLarge"
          }
        }
      }
    },
    "/api/events/{id}": {
      "get": {
        "summary": "An event with its meetings and their ratings (meetings of confidential demands only for their broker and admins)",
        "operationId": "getEvent",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "integer",
              "minimum": 1
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The event",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/EventDetail"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Invalid"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          }
        }
      }
    },
    "/api/meetings/{id}/ratings": {
      "post": {
        "summary": "Record one side's rating of a meeting, right after the event or at the follow-up",
        "operationId": "rateMeeting",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "integer",
              "minimum": 1
            }
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/RatingInput"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Recorded: the meeting with its ratings",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Meeting"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Invalid"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "413": {
            "$ref": "#/components/responses/TooLarge"
          }
        }
      }
    },
    "/api/status": {
      "get": {
        "summary": "What the server serves",
        "operationId": "status",
        "responses": {
          "200": {
            "description": "Status",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ServerStatus"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          }
        }
      }
    },
    "/api/event-plans": {
      "post": {
        "summary": "Pair and schedule an event from its tables, or replan a published schedule",
        "operationId": "planEvent",
        "description": "Brokers and admins; a viewer plans none. Stateless: the same tables give the same plan. A participant may stand only for records the user may see.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/EventPlanInput"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The plan",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/EventPlan"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Invalid"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "413": {
            "$ref": "#/components/responses/TooLarge"
          }
        }
      }
    },
    "/api/event-plans/report": {
      "post": {
        "summary": "The same plan's report as a ZIP: schedule, summary, table cards, agendas (and the change list of a replan)",
        "operationId": "eventPlanReport",
        "description": "Brokers and admins; a viewer none.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/EventPlanInput"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The report",
            "content": {
              "application/zip": {
                "schema": {
                  "type": "string",
                  "format": "binary"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Invalid"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "413": {
            "$ref": "#/components/responses/TooLarge"
          }
        }
      }
    }
  },
  "components": {
    "securitySchemes": {
      "bearer": {
        "type": "http",
        "scheme": "bearer"
      },
      "cookie": {
        "type": "apiKey",
        "in": "cookie",
        "name": "duijie_session"
      }
    },
    "responses": {
      "Invalid": {
        "description": "The request is invalid; `field` names the request field",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "Unauthorized": {
        "description": "No session",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "Forbidden": {
        "description": "Not allowed for this user, or a change without the CSRF token",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "NotFound": {
        "description": "No such thing, or not the user's to see",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "Conflict": {
        "description": "Cannot be done now (changes need an index; the shortlist changed)",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "TooLarge": {
        "description": "The body is larger than 1 MiB",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      }
    },
    "schemas": {
      "Error": {
        "type": "object",
        "required": [
          "error"
        ],
        "additionalProperties": false,
        "properties": {
          "error": {
            "type": "object",
            "required": [
              "code",
              "message"
            ],
            "additionalProperties": false,
            "properties": {
              "code": {
                "type": "string"
              },
              "message": {
                "type": "string"
              },
              "field": {
                "type": "string"
              }
            }
          }
        }
      },
      "Role": {
        "type": "string",
        "enum": [
          "admin",
          "broker",
          "viewer"
        ]
      },
      "Status": {
        "type": "string",
        "enum": [
          "to-contact",
          "contacted",
          "meeting",
          "negotiating",
          "signed",
          "no-deal"
        ]
      },
      "Target": {
        "type": "string",
        "enum": [
          "achievement",
          "expert",
          "institution",
          "demand",
          "enterprise"
        ]
      },
      "User": {
        "type": "object",
        "required": [
          "id",
          "login",
          "displayName",
          "role"
        ],
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "integer"
          },
          "login": {
            "type": "string"
          },
          "displayName": {
            "type": "string"
          },
          "role": {
            "$ref": "#/components/schemas/Role"
          }
        }
      },
      "SignIn": {
        "type": "object",
        "required": [
          "login",
          "password"
        ],
        "additionalProperties": false,
        "properties": {
          "login": {
            "type": "string",
            "minLength": 1,
            "maxLength": 64
          },
          "password": {
            "type": "string",
            "minLength": 1,
            "maxLength": 200
          }
        },
        "examples": [
          {
            "login": "wang",
            "password": "correct horse"
          }
        ]
      },
      "Session": {
        "type": "object",
        "required": [
          "user",
          "csrfToken",
          "expiresAt"
        ],
        "additionalProperties": false,
        "properties": {
          "user": {
            "$ref": "#/components/schemas/User"
          },
          "csrfToken": {
            "type": "string"
          },
          "expiresAt": {
            "type": "integer"
          }
        }
      },
      "NewSession": {
        "type": "object",
        "required": [
          "token",
          "user",
          "csrfToken",
          "expiresAt"
        ],
        "additionalProperties": false,
        "properties": {
          "token": {
            "type": "string"
          },
          "user": {
            "$ref": "#/components/schemas/User"
          },
          "csrfToken": {
            "type": "string"
          },
          "expiresAt": {
            "type": "integer"
          }
        }
      },
      "Filters": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "regions": {
            "type": "array",
            "maxItems": 100,
            "items": {
              "type": "string",
              "maxLength": 200
            }
          },
          "includePairedRegions": {
            "type": "boolean"
          },
          "fields": {
            "type": "array",
            "maxItems": 100,
            "items": {
              "type": "string",
              "maxLength": 200
            }
          },
          "minMaturity": {
            "type": "string",
            "maxLength": 40
          },
          "modes": {
            "type": "array",
            "maxItems": 100,
            "items": {
              "type": "string",
              "maxLength": 200
            }
          },
          "kinds": {
            "type": "array",
            "maxItems": 100,
            "items": {
              "type": "string",
              "maxLength": 200
            }
          },
          "dualUse": {
            "type": "boolean"
          },
          "maxPerInstitution": {
            "type": "integer",
            "minimum": 1,
            "maximum": 1000
          },
          "diversity": {
            "type": "number",
            "minimum": 0,
            "maximum": 1
          },
          "minScore": {
            "type": "number",
            "minimum": 0,
            "maximum": 1000
          }
        }
      },
      "ShortlistRequest": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "recordID": {
            "type": "string",
            "maxLength": 200
          },
          "text": {
            "type": "string",
            "maxLength": 5000
          },
          "target": {
            "$ref": "#/components/schemas/Target"
          },
          "top": {
            "type": "integer",
            "minimum": 1,
            "maximum": 1000
          },
          "language": {
            "type": "string",
            "enum": [
              "zh",
              "en"
            ]
          },
          "filters": {
            "$ref": "#/components/schemas/Filters"
          }
        },
        "description": "Exactly one of recordID and text.",
        "oneOf": [
          {
            "required": [
              "recordID"
            ]
          },
          {
            "required": [
              "text"
            ]
          }
        ],
        "examples": [
          {
            "recordID": "D-1012",
            "top": 5
          },
          {
            "text": "海参养殖 溶解氧",
            "target": "expert",
            "filters": {
              "regions": [
                "辽宁省"
              ]
            }
          }
        ]
      },
      "ExportRequest": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "recordID": {
            "type": "string",
            "maxLength": 200
          },
          "text": {
            "type": "string",
            "maxLength": 5000
          },
          "target": {
            "$ref": "#/components/schemas/Target"
          },
          "top": {
            "type": "integer",
            "minimum": 1,
            "maximum": 1000
          },
          "language": {
            "type": "string",
            "enum": [
              "zh",
              "en"
            ]
          },
          "filters": {
            "$ref": "#/components/schemas/Filters"
          },
          "format": {
            "type": "string",
            "enum": [
              "xlsx",
              "csv",
              "md",
              "json"
            ]
          }
        },
        "oneOf": [
          {
            "required": [
              "recordID"
            ]
          },
          {
            "required": [
              "text"
            ]
          }
        ],
        "examples": [
          {
            "recordID": "D-1012",
            "top": 5,
            "format": "csv"
          }
        ]
      },
      "PathStep": {
        "type": "object",
        "required": [
          "id",
          "name"
        ],
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "string"
          },
          "name": {
            "type": "string"
          }
        }
      },
      "ShortlistResult": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "rank",
          "id",
          "name",
          "score",
          "organization",
          "location",
          "regionRelation",
          "features",
          "reasons",
          "matchedTerms",
          "path",
          "weakMatch"
        ],
        "properties": {
          "rank": {
            "type": "integer"
          },
          "id": {
            "type": "string"
          },
          "name": {
            "type": "string"
          },
          "score": {
            "type": "number"
          },
          "organization": {
            "type": "string"
          },
          "location": {
            "type": "string"
          },
          "regionRelation": {
            "type": "string"
          },
          "features": {
            "type": "object",
            "additionalProperties": {
              "type": "number"
            }
          },
          "reasons": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "matchedTerms": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "path": {
            "type": [
              "array",
              "null"
            ],
            "items": {
              "$ref": "#/components/schemas/PathStep"
            }
          },
          "weakMatch": {
            "type": "boolean"
          }
        }
      },
      "Shortlist": {
        "type": "object",
        "required": [
          "query",
          "generation",
          "weightsFit",
          "results"
        ],
        "additionalProperties": false,
        "properties": {
          "query": {
            "type": "object",
            "required": [
              "recordID",
              "text",
              "title",
              "target"
            ],
            "additionalProperties": false,
            "properties": {
              "recordID": {
                "type": [
                  "string",
                  "null"
                ]
              },
              "text": {
                "type": [
                  "string",
                  "null"
                ]
              },
              "title": {
                "type": "string"
              },
              "target": {
                "$ref": "#/components/schemas/Target"
              }
            }
          },
          "generation": {
            "type": "integer"
          },
          "weightsFit": {
            "type": [
              "integer",
              "null"
            ],
            "description": "the learning run (duijie learn) whose adopted weights ranked this shortlist; null for the shipped weights"
          },
          "results": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ShortlistResult"
            }
          }
        }
      },
      "RecordSearch": {
        "type": "object",
        "required": [
          "generation",
          "results"
        ],
        "additionalProperties": false,
        "properties": {
          "generation": {
            "type": "integer"
          },
          "results": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "id",
                "kind",
                "name",
                "score"
              ],
              "additionalProperties": false,
              "properties": {
                "id": {
                  "type": "string"
                },
                "kind": {
                  "$ref": "#/components/schemas/Target"
                },
                "name": {
                  "type": "string"
                },
                "score": {
                  "type": [
                    "number",
                    "null"
                  ]
                }
              }
            }
          }
        }
      },
      "Record": {
        "type": "object",
        "required": [
          "id",
          "kind",
          "name",
          "generation",
          "record"
        ],
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "string"
          },
          "kind": {
            "type": "string"
          },
          "name": {
            "type": "string"
          },
          "generation": {
            "type": "integer"
          },
          "record": {
            "type": "object"
          }
        }
      },
      "RecordInput": {
        "type": "object",
        "required": [
          "kind",
          "record"
        ],
        "additionalProperties": false,
        "properties": {
          "kind": {
            "type": "string",
            "enum": [
              "achievement",
              "demand",
              "expert",
              "institution",
              "enterprise"
            ]
          },
          "record": {
            "type": "object",
            "description": "One record as a corpus line holds it (docs/corpus-format.md), with its id."
          }
        }
      },
      "RecordChange": {
        "type": "object",
        "required": [
          "id",
          "generation",
          "added",
          "changed",
          "warnings"
        ],
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "string"
          },
          "generation": {
            "type": "integer"
          },
          "added": {
            "type": "integer"
          },
          "changed": {
            "type": "integer"
          },
          "warnings": {
            "type": "array",
            "items": {
              "type": "string"
            }
          }
        }
      },
      "RecordRemoval": {
        "type": "object",
        "required": [
          "id",
          "generation",
          "removed"
        ],
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "string"
          },
          "generation": {
            "type": "integer"
          },
          "removed": {
            "type": "integer"
          }
        }
      },
      "NewCase": {
        "type": "object",
        "required": [
          "title",
          "shortlist"
        ],
        "additionalProperties": false,
        "properties": {
          "title": {
            "type": "string",
            "minLength": 1,
            "maxLength": 200
          },
          "clientID": {
            "type": "integer",
            "minimum": 1
          },
          "shortlist": {
            "type": "object",
            "additionalProperties": false,
            "properties": {
              "recordID": {
                "type": "string",
                "maxLength": 200
              },
              "text": {
                "type": "string",
                "maxLength": 5000
              },
              "target": {
                "$ref": "#/components/schemas/Target"
              },
              "top": {
                "type": "integer",
                "minimum": 1,
                "maximum": 1000
              },
              "language": {
                "type": "string",
                "enum": [
                  "zh",
                  "en"
                ]
              },
              "filters": {
                "$ref": "#/components/schemas/Filters"
              },
              "shownIDs": {
                "type": "array",
                "maxItems": 1000,
                "items": {
                  "type": "string",
                  "maxLength": 200
                }
              }
            },
            "description": "The shortlist request that was shown, and the ids shown (checked against the ranking now).",
            "oneOf": [
              {
                "required": [
                  "recordID"
                ]
              },
              {
                "required": [
                  "text"
                ]
              }
            ]
          }
        },
        "examples": [
          {
            "title": "储能电池梯次利用",
            "shortlist": {
              "recordID": "D-1012",
              "top": 3
            }
          }
        ]
      },
      "Case": {
        "type": "object",
        "required": [
          "id",
          "title",
          "brokerID",
          "clientID",
          "sourceID",
          "queryText",
          "target",
          "confidential",
          "createdAt"
        ],
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "integer"
          },
          "title": {
            "type": "string"
          },
          "brokerID": {
            "type": "integer"
          },
          "clientID": {
            "type": [
              "integer",
              "null"
            ]
          },
          "sourceID": {
            "type": [
              "string",
              "null"
            ]
          },
          "queryText": {
            "type": [
              "string",
              "null"
            ]
          },
          "target": {
            "type": "string"
          },
          "confidential": {
            "type": "boolean"
          },
          "createdAt": {
            "type": "integer"
          }
        }
      },
      "CaseDetail": {
        "type": "object",
        "required": [
          "id",
          "title",
          "brokerID",
          "clientID",
          "sourceID",
          "queryText",
          "target",
          "confidential",
          "createdAt",
          "results",
          "events"
        ],
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "integer"
          },
          "title": {
            "type": "string"
          },
          "brokerID": {
            "type": "integer"
          },
          "clientID": {
            "type": [
              "integer",
              "null"
            ]
          },
          "sourceID": {
            "type": [
              "string",
              "null"
            ]
          },
          "queryText": {
            "type": [
              "string",
              "null"
            ]
          },
          "target": {
            "type": "string"
          },
          "confidential": {
            "type": "boolean"
          },
          "createdAt": {
            "type": "integer"
          },
          "results": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "rank",
                "recordID",
                "name",
                "score",
                "status",
                "reason",
                "shown"
              ],
              "additionalProperties": false,
              "properties": {
                "rank": {
                  "type": "integer"
                },
                "recordID": {
                  "type": "string"
                },
                "name": {
                  "type": "string"
                },
                "score": {
                  "type": "number"
                },
                "status": {
                  "$ref": "#/components/schemas/Status"
                },
                "reason": {
                  "type": "string"
                },
                "shown": {
                  "$ref": "#/components/schemas/ShortlistResult"
                }
              }
            }
          },
          "events": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "userID",
                "at",
                "recordID",
                "status",
                "reason",
                "note"
              ],
              "additionalProperties": false,
              "properties": {
                "userID": {
                  "type": "integer"
                },
                "at": {
                  "type": "integer"
                },
                "recordID": {
                  "type": [
                    "string",
                    "null"
                  ]
                },
                "status": {
                  "anyOf": [
                    {
                      "$ref": "#/components/schemas/Status"
                    },
                    {
                      "type": "null"
                    }
                  ]
                },
                "reason": {
                  "type": "string"
                },
                "note": {
                  "type": "string"
                }
              }
            }
          }
        }
      },
      "StatusChange": {
        "type": "object",
        "required": [
          "status"
        ],
        "additionalProperties": false,
        "properties": {
          "status": {
            "type": "string",
            "description": "An English value (to-contact …) or its Chinese name (待联系 …)"
          },
          "reason": {
            "type": "string",
            "maxLength": 2000,
            "description": "Required for no-deal"
          },
          "note": {
            "type": "string",
            "maxLength": 10000
          }
        },
        "examples": [
          {
            "status": "contacted",
            "note": "电话联系"
          },
          {
            "status": "no-deal",
            "reason": "价格不合"
          }
        ]
      },
      "Client": {
        "type": "object",
        "required": [
          "id",
          "name",
          "contact",
          "brokerID"
        ],
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "integer"
          },
          "name": {
            "type": "string"
          },
          "contact": {
            "type": "string"
          },
          "brokerID": {
            "type": "integer"
          }
        }
      },
      "ServerStatus": {
        "type": "object",
        "required": [
          "source",
          "generation",
          "records",
          "schemaVersion"
        ],
        "additionalProperties": false,
        "properties": {
          "source": {
            "type": "string",
            "enum": [
              "index",
              "corpus"
            ]
          },
          "generation": {
            "type": "integer"
          },
          "records": {
            "type": "integer"
          },
          "schemaVersion": {
            "type": "integer"
          }
        }
      },
      "StatisticsRow": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "key",
          "name",
          "deals",
          "value",
          "dealsYearEarlier",
          "valueYearEarlier",
          "valueChange"
        ],
        "properties": {
          "key": {
            "type": "string",
            "description": "a code (contract type, kind, IP type) or the text as entered"
          },
          "name": {
            "type": "string"
          },
          "deals": {
            "type": "integer",
            "minimum": 0
          },
          "value": {
            "type": "number",
            "minimum": 0,
            "description": "万元"
          },
          "dealsYearEarlier": {
            "type": "integer",
            "minimum": 0
          },
          "valueYearEarlier": {
            "type": "number",
            "minimum": 0
          },
          "valueChange": {
            "type": [
              "number",
              "null"
            ],
            "description": "0.25 = +25% on a year earlier; null when that was 0"
          }
        }
      },
      "Statistics": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "period",
          "total",
          "byContractType",
          "byField",
          "bySellerKind",
          "byIPType",
          "bySellerProvince",
          "bySellerRegion",
          "brokers",
          "casesOpened",
          "funnel",
          "events"
        ],
        "properties": {
          "period": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "label",
              "start",
              "end",
              "yearEarlierStart",
              "yearEarlierEnd"
            ],
            "properties": {
              "label": {
                "type": "string"
              },
              "start": {
                "type": "string"
              },
              "end": {
                "type": "string"
              },
              "yearEarlierStart": {
                "type": "string"
              },
              "yearEarlierEnd": {
                "type": "string"
              }
            }
          },
          "total": {
            "$ref": "#/components/schemas/StatisticsRow"
          },
          "byContractType": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/StatisticsRow"
            }
          },
          "byField": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/StatisticsRow"
            }
          },
          "bySellerKind": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/StatisticsRow"
            }
          },
          "byIPType": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/StatisticsRow"
            }
          },
          "bySellerProvince": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/StatisticsRow"
            }
          },
          "bySellerRegion": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/StatisticsRow"
            }
          },
          "brokers": {
            "type": "array",
            "items": {
              "type": "object",
              "additionalProperties": false,
              "required": [
                "login",
                "deals",
                "value",
                "fees"
              ],
              "properties": {
                "login": {
                  "type": "string"
                },
                "deals": {
                  "type": "integer",
                  "minimum": 0
                },
                "value": {
                  "type": "number",
                  "minimum": 0
                },
                "fees": {
                  "type": "number",
                  "minimum": 0
                }
              }
            }
          },
          "casesOpened": {
            "type": "integer",
            "minimum": 0
          },
          "funnel": {
            "type": "array",
            "items": {
              "type": "object",
              "additionalProperties": false,
              "required": [
                "status",
                "name",
                "results",
                "medianDays"
              ],
              "properties": {
                "status": {
                  "oneOf": [
                    {
                      "$ref": "#/components/schemas/Status"
                    },
                    {
                      "type": "null"
                    }
                  ]
                },
                "name": {
                  "type": "string"
                },
                "results": {
                  "type": "integer",
                  "minimum": 0
                },
                "medianDays": {
                  "type": [
                    "number",
                    "null"
                  ],
                  "minimum": 0
                }
              }
            }
          },
          "events": {
            "type": "array",
            "description": "The matchmaking events held in the period: meetings, meetings rated right after the event and the mean of those ratings, meetings followed up and those that reached an agreement, and the deals recorded from its meetings (whenever signed) with their value in 万元",
            "items": {
              "type": "object",
              "additionalProperties": false,
              "required": [
                "id",
                "name",
                "heldOn",
                "meetings",
                "rated",
                "meanRating",
                "followedUp",
                "agreements",
                "deals",
                "value"
              ],
              "properties": {
                "id": {
                  "type": "integer"
                },
                "name": {
                  "type": "string"
                },
                "heldOn": {
                  "type": "string"
                },
                "meetings": {
                  "type": "integer"
                },
                "rated": {
                  "type": "integer"
                },
                "meanRating": {
                  "type": [
                    "number",
                    "null"
                  ]
                },
                "followedUp": {
                  "type": "integer"
                },
                "agreements": {
                  "type": "integer"
                },
                "deals": {
                  "type": "integer"
                },
                "value": {
                  "type": "number"
                }
              }
            }
          }
        }
      },
      "DealInput": {
        "type": "object",
        "required": [
          "deal"
        ],
        "additionalProperties": false,
        "properties": {
          "deal": {
            "type": "object",
            "description": "One deal as a line of deals.jsonl holds it (docs/cli.md, duijie workspace import-deals): contractType, signedOn, value, seller, sellerKind, buyer, buyerKind and ipType required; registrationNumber, registeredOn, field, sellerRegion, buyerRegion, brokers [{login, fee}], caseID, resultRecordID and meetingID optional; any other field is an error."
          }
        }
      },
      "Deal": {
        "type": "object",
        "required": [
          "id",
          "contractType",
          "registrationNumber",
          "registeredOn",
          "signedOn",
          "value",
          "seller",
          "sellerKind",
          "buyer",
          "buyerKind",
          "field",
          "sellerRegion",
          "buyerRegion",
          "ipType",
          "brokers",
          "caseID",
          "resultRecordID",
          "meetingID"
        ],
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "integer"
          },
          "contractType": {
            "type": "string",
            "enum": [
              "development",
              "transfer",
              "licence",
              "consulting",
              "service",
              "brokerage"
            ]
          },
          "registrationNumber": {
            "type": "string"
          },
          "registeredOn": {
            "type": [
              "string",
              "null"
            ]
          },
          "signedOn": {
            "type": "string"
          },
          "value": {
            "type": "number",
            "minimum": 0,
            "description": "万元"
          },
          "seller": {
            "type": "string"
          },
          "sellerKind": {
            "type": "string",
            "enum": [
              "enterprise",
              "institute",
              "university",
              "individual",
              "other"
            ]
          },
          "buyer": {
            "type": "string"
          },
          "buyerKind": {
            "type": "string",
            "enum": [
              "enterprise",
              "institute",
              "university",
              "individual",
              "other"
            ]
          },
          "field": {
            "type": "string"
          },
          "sellerRegion": {
            "type": "string"
          },
          "buyerRegion": {
            "type": "string"
          },
          "ipType": {
            "type": "string",
            "enum": [
              "patent",
              "know-how",
              "software",
              "ic-layout",
              "plant-variety",
              "other"
            ]
          },
          "brokers": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "login",
                "fee"
              ],
              "additionalProperties": false,
              "properties": {
                "login": {
                  "type": "string"
                },
                "fee": {
                  "type": "number",
                  "minimum": 0
                }
              }
            }
          },
          "caseID": {
            "type": [
              "integer",
              "null"
            ]
          },
          "resultRecordID": {
            "type": [
              "string",
              "null"
            ]
          },
          "meetingID": {
            "type": [
              "integer",
              "null"
            ]
          }
        }
      },
      "Event": {
        "type": "object",
        "required": [
          "id",
          "name",
          "heldOn",
          "place",
          "meetings"
        ],
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "integer"
          },
          "name": {
            "type": "string"
          },
          "heldOn": {
            "type": "string"
          },
          "place": {
            "type": "string"
          },
          "meetings": {
            "type": "integer"
          }
        }
      },
      "EventInput": {
        "type": "object",
        "required": [
          "name",
          "heldOn"
        ],
        "additionalProperties": false,
        "properties": {
          "name": {
            "type": "string",
            "minLength": 1,
            "maxLength": 200
          },
          "heldOn": {
            "type": "string",
            "maxLength": 10,
            "example": "2026-04-18",
            "description": "YYYY-MM-DD"
          },
          "place": {
            "type": "string",
            "maxLength": 200
          },
          "meetings": {
            "type": "array",
            "maxItems": 10000,
            "items": {
              "type": "object",
              "required": [
                "demandID",
                "supplyID"
              ],
              "additionalProperties": false,
              "properties": {
                "demandID": {
                  "type": "string",
                  "minLength": 1,
                  "maxLength": 200
                },
                "supplyID": {
                  "type": "string",
                  "minLength": 1,
                  "maxLength": 200
                },
                "target": {
                  "type": "string",
                  "maxLength": 20
                },
                "slot": {
                  "type": "string",
                  "maxLength": 40
                },
                "table": {
                  "type": "integer",
                  "minimum": 1,
                  "maximum": 10000
                }
              }
            }
          }
        }
      },
      "Rating": {
        "type": "object",
        "required": [
          "side",
          "stage",
          "rating",
          "agreement",
          "note",
          "userID",
          "at"
        ],
        "additionalProperties": false,
        "properties": {
          "side": {
            "type": "string",
            "enum": [
              "demand",
              "supply"
            ]
          },
          "stage": {
            "type": "string",
            "enum": [
              "after-event",
              "follow-up"
            ]
          },
          "rating": {
            "type": "integer",
            "minimum": 1,
            "maximum": 5
          },
          "agreement": {
            "type": "boolean"
          },
          "note": {
            "type": "string"
          },
          "userID": {
            "type": [
              "integer",
              "null"
            ]
          },
          "at": {
            "type": "integer"
          }
        }
      },
      "Meeting": {
        "type": "object",
        "required": [
          "id",
          "demandID",
          "demandName",
          "supplyID",
          "supplyName",
          "target",
          "slot",
          "table",
          "grade",
          "ratings"
        ],
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "integer"
          },
          "demandID": {
            "type": "string"
          },
          "demandName": {
            "type": "string"
          },
          "supplyID": {
            "type": "string"
          },
          "supplyName": {
            "type": "string"
          },
          "target": {
            "type": "string"
          },
          "slot": {
            "type": "string"
          },
          "table": {
            "type": [
              "integer",
              "null"
            ]
          },
          "grade": {
            "type": "integer",
            "description": "as duijie feedback export judges it: 3 agreement at the follow-up, 0 the demand side's latest rating 1 or 2, else 1"
          },
          "ratings": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Rating"
            }
          }
        }
      },
      "EventDetail": {
        "type": "object",
        "required": [
          "id",
          "name",
          "heldOn",
          "place",
          "meetings",
          "meetingList"
        ],
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "integer"
          },
          "name": {
            "type": "string"
          },
          "heldOn": {
            "type": "string"
          },
          "place": {
            "type": "string"
          },
          "meetings": {
            "type": "integer"
          },
          "meetingList": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Meeting"
            }
          }
        }
      },
      "RatingInput": {
        "type": "object",
        "required": [
          "side",
          "stage",
          "rating"
        ],
        "additionalProperties": false,
        "properties": {
          "side": {
            "type": "string",
            "enum": [
              "demand",
              "supply"
            ]
          },
          "stage": {
            "type": "string",
            "enum": [
              "after-event",
              "follow-up"
            ]
          },
          "rating": {
            "type": "integer",
            "minimum": 1,
            "maximum": 5
          },
          "agreement": {
            "type": "boolean",
            "description": "a cooperation agreement was reached (only at the follow-up)"
          },
          "note": {
            "type": "string",
            "maxLength": 2000
          }
        }
      },
      "EventPlanInput": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "files"
        ],
        "properties": {
          "files": {
            "type": "object",
            "additionalProperties": false,
            "properties": {
              "event.json": {
                "type": "string",
                "maxLength": 1048576,
                "description": "The text of the event directory's file of this name (docs/event-format.md)."
              },
              "locked.csv": {
                "type": "string",
                "maxLength": 1048576,
                "description": "The text of the event directory's file of this name (docs/event-format.md)."
              },
              "locked.jsonl": {
                "type": "string",
                "maxLength": 1048576,
                "description": "The text of the event directory's file of this name (docs/event-format.md)."
              },
              "participants.csv": {
                "type": "string",
                "maxLength": 1048576,
                "description": "The text of the event directory's file of this name (docs/event-format.md)."
              },
              "participants.jsonl": {
                "type": "string",
                "maxLength": 1048576,
                "description": "The text of the event directory's file of this name (docs/event-format.md)."
              },
              "requests.csv": {
                "type": "string",
                "maxLength": 1048576,
                "description": "The text of the event directory's file of this name (docs/event-format.md)."
              },
              "requests.jsonl": {
                "type": "string",
                "maxLength": 1048576,
                "description": "The text of the event directory's file of this name (docs/event-format.md)."
              },
              "slots.csv": {
                "type": "string",
                "maxLength": 1048576,
                "description": "The text of the event directory's file of this name (docs/event-format.md)."
              },
              "slots.jsonl": {
                "type": "string",
                "maxLength": 1048576,
                "description": "The text of the event directory's file of this name (docs/event-format.md)."
              }
            },
            "description": "The event's tables as its directory would hold them: participants and slots at least, in JSON Lines or CSV (Chinese or English headers)."
          },
          "published": {
            "type": "string",
            "maxLength": 1048576,
            "description": "A published schedule (the `schedule` of an earlier plan, or a report's schedule.csv): replan it, keeping every meeting still possible."
          },
          "minScore": {
            "type": "number",
            "minimum": 0,
            "maximum": 1,
            "description": "Pairs below this reciprocal score are not proposed (default 0.1)."
          },
          "language": {
            "type": "string",
            "enum": [
              "zh",
              "en"
            ],
            "description": "The report's language (default: the event's, else zh)."
          }
        }
      },
      "EventPlanMeeting": {
        "type": "object",
        "required": [
          "demand",
          "demandName",
          "supply",
          "supplyName",
          "slot",
          "start",
          "end",
          "table",
          "score",
          "note"
        ],
        "properties": {
          "demand": {
            "type": "string"
          },
          "demandName": {
            "type": "string"
          },
          "supply": {
            "type": "string"
          },
          "supplyName": {
            "type": "string"
          },
          "slot": {
            "type": "string"
          },
          "start": {
            "type": "string"
          },
          "end": {
            "type": "string"
          },
          "table": {
            "type": "integer"
          },
          "score": {
            "type": "number"
          },
          "note": {
            "type": "string"
          },
          "demandRecord": {
            "type": "string",
            "description": "The demand the demand side stands for (when it stands for one)."
          },
          "supplyRecord": {
            "type": "string",
            "description": "The achievement, expert or institution the supply side stands for."
          },
          "target": {
            "type": "string"
          }
        }
      },
      "EventPlan": {
        "type": "object",
        "required": [
          "name",
          "venue",
          "heldOn",
          "participants",
          "meetings",
          "shortfalls",
          "unmetRequests",
          "warnings",
          "schedule"
        ],
        "properties": {
          "name": {
            "type": "string"
          },
          "venue": {
            "type": "string"
          },
          "heldOn": {
            "type": "string"
          },
          "participants": {
            "type": "integer"
          },
          "meetings": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/EventPlanMeeting"
            }
          },
          "shortfalls": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "participant",
                "name",
                "meetings",
                "minimum",
                "reason"
              ],
              "properties": {
                "participant": {
                  "type": "string"
                },
                "name": {
                  "type": "string"
                },
                "meetings": {
                  "type": "integer"
                },
                "minimum": {
                  "type": "integer"
                },
                "reason": {
                  "type": "string"
                }
              }
            }
          },
          "unmetRequests": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "from",
                "to",
                "reason"
              ],
              "properties": {
                "from": {
                  "type": "string"
                },
                "to": {
                  "type": "string"
                },
                "reason": {
                  "type": "string"
                }
              }
            }
          },
          "warnings": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "schedule": {
            "type": "string",
            "description": "The schedule as CSV: give it as `published` to replan."
          },
          "changes": {
            "type": "object",
            "description": "Only for a replan.",
            "required": [
              "published",
              "kept",
              "agendasChanged",
              "mustChange",
              "text"
            ],
            "properties": {
              "published": {
                "type": "integer"
              },
              "kept": {
                "type": "integer"
              },
              "agendasChanged": {
                "type": "integer"
              },
              "mustChange": {
                "type": "integer"
              },
              "text": {
                "type": "string"
              }
            }
          }
        }
      }
    }
  }
}
"""#
}
